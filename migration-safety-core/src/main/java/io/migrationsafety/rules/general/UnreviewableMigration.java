package io.migrationsafety.rules.general;

import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.MigrationSetContext;
import io.migrationsafety.rule.MigrationSetRule;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A pending migration whose format says its text cannot be reviewed: a Flyway Java migration, say.
 * It is never counted as safe, as nothing of what it does is known.
 */
public final class UnreviewableMigration implements MigrationSetRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("unreviewable-migration",
      "Migration not written in SQL the review can read: its locks and effects are unknown", Severity.WARNING);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(MigrationSetContext context) {
    MigrationSet set = context.set();
    List<Finding> findings = new ArrayList<>();
    for (Migration migration : set.pending()) {
      String reason = set.unreviewable().get(migration.id());
      if (reason != null) {
        findings.add(context.finding(this, relative(set.directory(), migration.file()), 1,
            "Migration " + migration.id() + " was not reviewed: " + reason,
            "The review cannot tell which locks it takes, whether it rewrites a table or fails on existing data, "
                + "so it does not count it as safe.",
            "Check it by hand, or move its schema changes into a SQL migration the review can read."));
      }
    }
    return findings;
  }

  private static String relative(Path directory, Path file) {
    Path rel = file.startsWith(directory) ? directory.relativize(file) : file;
    return rel.toString().replace('\\', '/');
  }
}
