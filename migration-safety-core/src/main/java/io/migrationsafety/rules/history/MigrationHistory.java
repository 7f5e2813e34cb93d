package io.migrationsafety.rules.history;

import io.migrationsafety.format.AppliedState;
import io.migrationsafety.format.HistoryProblem;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.MigrationSetContext;
import io.migrationsafety.rule.MigrationSetRule;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The migration tool's history in the database disagrees with the files: a failed or rolled-back
 * run, a file edited after it was applied, a recorded migration without a file, a pending one that
 * sorts before an applied one. Only when a history was read (a review given a database).
 */
public final class MigrationHistory implements MigrationSetRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("migration-history",
      "The database's migration history disagrees with the migration files", Severity.WARNING);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(MigrationSetContext context) {
    AppliedState state = context.set().applied();
    List<Finding> findings = new ArrayList<>();
    for (HistoryProblem problem : state.problems()) {
      String file = problem.file() != null ? problem.file() : state.source();
      findings.add(new Finding(METADATA.id(), severity(problem.kind()), file, 1, 1, problem.message(),
          why(problem.kind()), suggestion(problem), List.of()));
    }
    return findings;
  }

  /**
   * A failed run may have left half a migration behind, and the tool refuses to go on until it is
   * repaired: reviewing the rest on top of an unknown state would be guessing, so it blocks.
   */
  private static Severity severity(HistoryProblem.Kind kind) {
    return kind == HistoryProblem.Kind.FAILED ? Severity.BLOCKED : METADATA.defaultSeverity();
  }

  private static String why(HistoryProblem.Kind kind) {
    return switch (kind) {
      case FAILED -> "A failed run can leave part of a migration applied (statements outside a transaction, "
          + "or a tool that does not wrap it in one); the schema the next migrations start from is unknown.";
      case ROLLED_BACK -> "The migration was marked rolled back: it will run again, on a schema that may still "
          + "hold part of it.";
      case CHECKSUM_MISMATCH -> "The database was built from another text of this file: the schema differs "
          + "from what the files say, and a fresh environment will not get what production has.";
      case MISSING_FILE -> "The database ran a migration that no longer exists here: the files cannot rebuild "
          + "this database, and the review cannot see what that migration did.";
      case OUT_OF_ORDER -> "A migration older than one already applied has not run: most tools refuse it or skip "
          + "it unless told to run out of order, and it was written for an older schema.";
    };
  }

  private static String suggestion(HistoryProblem problem) {
    return switch (problem.kind()) {
      case FAILED -> "Find out what part of " + problem.migrationId() + " ran, undo or complete it by hand, then "
          + "repair the history with your tool (flyway repair, prisma migrate resolve, alembic stamp).";
      case ROLLED_BACK -> "Check that nothing of " + problem.migrationId() + " is left in the schema before it "
          + "runs again.";
      case CHECKSUM_MISMATCH -> "Restore the file as it was applied and put the change in a new migration.";
      case MISSING_FILE -> "Restore the file of " + problem.migrationId() + ", or record why it was removed.";
      case OUT_OF_ORDER -> "Give " + problem.migrationId() + " a version after the newest applied one.";
    };
  }
}
