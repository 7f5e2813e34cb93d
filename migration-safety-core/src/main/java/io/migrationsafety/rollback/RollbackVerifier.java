package io.migrationsafety.rollback;

import io.migrationsafety.operation.Operation;
import io.migrationsafety.parse.ParsedScript;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.replay.ReplayStep;
import io.migrationsafety.schema.replay.SchemaReplayer;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a rollback statically: replays the schema before a migration through the forward script
 * and then the rollback, and compares the result with the schema before. Works for synthesized
 * rollbacks and hand-written down scripts alike. Stateless and thread-safe.
 */
public final class RollbackVerifier {

  private RollbackVerifier() {}

  /**
   * Checks {@code rollback} against {@code forward}.
   *
   * @param before the schema before the forward migration
   * @param forward the forward migration
   * @param rollback the rollback script
   * @param defaultSchema the schema unqualified names resolve to ({@code public} when {@code null})
   */
  public static RollbackCheck verify(Schema before, ParsedScript forward, ParsedScript rollback,
      String defaultSchema) {
    Schema afterForward = replay(before, forward, defaultSchema, new ArrayList<>());
    List<String> problems = new ArrayList<>();
    Schema afterRollback = replay(afterForward, rollback, defaultSchema, problems);
    List<String> differences = SchemaDiff.between(before, afterRollback);
    return new RollbackCheck(differences.isEmpty() && problems.isEmpty(), differences, problems);
  }

  /** Checks rollback SQL text against a forward script. */
  public static RollbackCheck verify(Schema before, ParsedScript forward, String rollbackSql, String defaultSchema) {
    return verify(before, forward, SqlParser.parse(rollbackSql, "rollback.sql"), defaultSchema);
  }

  /** The schema after {@code script}, collecting the problems of each statement with its line. */
  static Schema replay(Schema start, ParsedScript script, String defaultSchema, List<String> problems) {
    Schema schema = start;
    for (ParsedStatement statement : script.statements()) {
      for (Operation op : statement.operations()) {
        ReplayStep step = SchemaReplayer.apply(schema, op, defaultSchema);
        for (String problem : step.problems()) {
          problems.add("line " + statement.statement().line() + ": " + problem);
        }
        schema = step.after();
      }
    }
    return schema;
  }
}
