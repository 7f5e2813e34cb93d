package io.migrationsafety.rollback;

import io.migrationsafety.operation.Operation;
import io.migrationsafety.parse.ParsedScript;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.drift.DriftOptions;
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
    List<String> forwardMissing = new ArrayList<>();
    Schema afterForward = replay(before, forward, defaultSchema, new ArrayList<>(), forwardMissing);
    List<String> problems = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    Schema afterRollback = replay(afterForward, rollback, defaultSchema, problems, missing);
    if (!forwardMissing.isEmpty()) {
      // The known schema lacks what the migration works on; the rollback naming it too is no mistake.
      problems.removeAll(missing);
    }
    List<String> differences = RollbackDifferences.between(before, afterRollback, DriftOptions.Expressions.NORMALIZED);
    return new RollbackCheck(differences.isEmpty() && problems.isEmpty(), differences, problems);
  }

  /** Checks rollback SQL text against a forward script. */
  public static RollbackCheck verify(Schema before, ParsedScript forward, String rollbackSql, String defaultSchema) {
    return verify(before, forward, SqlParser.parse(rollbackSql, "rollback.sql"), defaultSchema);
  }

  /** The schema after {@code script}, collecting the problems of each statement with its line. */
  static Schema replay(Schema start, ParsedScript script, String defaultSchema, List<String> problems) {
    return replay(start, script, defaultSchema, problems, new ArrayList<>());
  }

  /** As {@link #replay(Schema, ParsedScript, String, List)}, also collecting which problems are missing objects. */
  private static Schema replay(Schema start, ParsedScript script, String defaultSchema, List<String> problems,
      List<String> missing) {
    Schema schema = start;
    for (ParsedStatement statement : script.statements()) {
      for (Operation op : statement.operations()) {
        ReplayStep step = SchemaReplayer.apply(schema, op, defaultSchema);
        String line = "line " + statement.statement().line() + ": ";
        step.problems().forEach(p -> problems.add(line + p));
        step.missingObjects().forEach(p -> missing.add(line + p));
        schema = step.after();
      }
    }
    return schema;
  }
}
