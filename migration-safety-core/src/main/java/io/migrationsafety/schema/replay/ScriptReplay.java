package io.migrationsafety.schema.replay;

import io.migrationsafety.operation.Call;
import io.migrationsafety.operation.DoBlock;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.Unrecognized;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.schema.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * One script replayed on a schema, following its {@code SET search_path}, and why the result may
 * not be what running it produces: a statement not understood, code whose schema changes replay
 * cannot follow ({@code DO}, {@code CALL}), or a statement PostgreSQL would refuse.
 *
 * @param after the schema after the script
 * @param untrusted one reason per statement ({@code file:line: …}); empty when the model can be trusted
 */
public record ScriptReplay(Schema after, List<String> untrusted) {

  public ScriptReplay {
    untrusted = List.copyOf(untrusted);
  }

  /**
   * Replays {@code statements} (the script {@code file}, named in the reasons) on {@code before},
   * unqualified names resolving to {@code public} until the script sets its search_path.
   */
  public static ScriptReplay of(Schema before, List<ParsedStatement> statements, String file) {
    Schema schema = before;
    List<String> untrusted = new ArrayList<>();
    String defaultSchema = SearchPath.DEFAULT;
    for (ParsedStatement statement : statements) {
      String where = file + ":" + statement.statement().line() + ": ";
      for (Operation op : statement.operations()) {
        if (op instanceof Unrecognized u) {
          untrusted.add(where + "statement not understood (" + u.reason() + ")");
        } else if (op instanceof DoBlock || op instanceof Call) {
          untrusted.add(where + "runs code whose schema changes replay cannot follow");
        }
        defaultSchema = SearchPath.after(defaultSchema, op);
        ReplayStep step = SchemaReplayer.apply(schema, op, defaultSchema);
        step.problems().forEach(p -> untrusted.add(where + p));
        schema = step.after();
      }
    }
    return new ScriptReplay(schema, untrusted);
  }
}
