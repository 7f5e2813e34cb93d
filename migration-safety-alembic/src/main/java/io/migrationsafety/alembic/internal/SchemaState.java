package io.migrationsafety.alembic.internal;

import io.migrationsafety.operation.DoBlock;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.Unrecognized;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.replay.SchemaReplayer;
import io.migrationsafety.sql.SqlSyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * The database a revision's code would see when it runs: the schema replayed from the revisions
 * before it, in upgrade order. Alembic's {@code sa.inspect(op.get_bind())} reads the live database;
 * this is the static stand-in, so that a revision which looks up a constraint's or an index's name
 * before dropping it can be translated.
 *
 * <p>The model is only as good as what was read before: {@code untrusted} names the first places
 * the replay could not follow (untranslated Python, SQL not understood, a statement the replay
 * refused), and every inspection made on an untrusted model is reported, never silently trusted.
 *
 * @param schema the schema at this point
 * @param untrusted where the replay could not follow, first few only; empty when the model is exact
 */
public record SchemaState(Schema schema, List<String> untrusted) {

  private static final int KEPT = 3;

  public SchemaState {
    untrusted = List.copyOf(untrusted);
  }

  /**
   * Where a project's first revision starts: a fresh database with Alembic's version table, which
   * Alembic creates (with its primary key {@code alembic_version_pkc}) before it runs a revision.
   */
  public static SchemaState beforeFirstRevision() {
    return new SchemaState(Schema.empty(), List.of()).after("CREATE TABLE alembic_version ("
        + "version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
        "Alembic's version table");
  }

  /** This state after {@code sql} (one function's translation) ran; {@code file} names it in notes. */
  public SchemaState after(String sql, String file) {
    Schema current = schema;
    List<String> notes = new ArrayList<>(untrusted);
    List<ParsedStatement> statements;
    try {
      statements = SqlParser.parse(sql, file).statements();
    } catch (SqlSyntaxException e) {
      note(notes, file + ": " + e.getMessage());
      return new SchemaState(current, notes);
    }
    for (ParsedStatement statement : statements) {
      String where = file + ":" + statement.statement().line();
      for (Operation op : statement.operations()) {
        if (op instanceof Unrecognized) {
          note(notes, where + " was not translated or not understood");
        } else if (op instanceof DoBlock) {
          note(notes, where + " runs a DO block the replay cannot follow");
        }
        var step = SchemaReplayer.apply(current, op, "public");
        step.problems().forEach(p -> note(notes, where + ": " + p));
        current = step.after();
      }
    }
    return new SchemaState(current, notes);
  }

  private static void note(List<String> notes, String note) {
    if (notes.size() < KEPT) {
      notes.add(note);
    }
  }
}
