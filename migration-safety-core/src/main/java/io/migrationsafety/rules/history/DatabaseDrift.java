package io.migrationsafety.rules.history;

import io.migrationsafety.drift.Drift;
import io.migrationsafety.drift.DriftReport;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.MigrationSetContext;
import io.migrationsafety.rule.MigrationSetRule;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import java.util.List;

/**
 * The database differs from what the migrations its history lists as applied produce: someone
 * changed it by hand, or an applied file was edited. The pending migrations were written for the
 * schema the files describe, not for the one the database has. Only when the review read a
 * history and starts from the real database (or a snapshot of it).
 */
public final class DatabaseDrift implements MigrationSetRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("database-drift",
      "The database differs from what its applied migrations produce", Severity.WARNING);

  /** How many differences the finding lists; the drift command lists them all. */
  private static final int LISTED = 10;

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(MigrationSetContext context) {
    // A history that lists nothing applied (its table not created yet) says the tool never ran
    // here: the database was not built by these migrations, and comparing would only list it whole.
    if (!context.set().applied().known() || context.set().applied().applied().isEmpty() || !context.startKnown()) {
      return List.of();
    }
    DriftReport report = Drift.againstReplay(context.start(), "the database", context.set());
    String where = context.set().applied().source();
    if (!report.comparable()) {
      return List.of(new Finding(METADATA.id(), Severity.INFO, where, 1, 1,
          "Could not compare the database with its applied migrations: " + listed(report.notComparable()),
          "Replay cannot say what these statements did to the schema, so a difference it found would mean "
              + "nothing; drift was not checked.",
          "Compare with a snapshot instead: migration-safety drift --database-url URL --against-snapshot FILE",
          List.of()));
    }
    if (!report.drifted()) {
      return List.of();
    }
    return List.of(context.finding(this, where, 1,
        "The database differs from " + report.expected() + " in " + report.differences().size()
            + (report.differences().size() == 1 ? " way: " : " ways: ") + listed(report.messages()),
        "The pending migrations were written for the schema the files describe; on this database they may fail "
            + "or do something else, and a fresh environment built from the files will not match it.",
        "Find out who changed what (migration-safety drift --database-url URL --against-migrations DIR lists every "
            + "difference), then bring the database and the files together with a new migration."));
  }

  private static String listed(List<String> items) {
    String shown = String.join("; ", items.subList(0, Math.min(LISTED, items.size())));
    return items.size() > LISTED ? shown + "; and " + (items.size() - LISTED) + " more" : shown;
  }
}
