package io.migrationsafety.rule;

import io.migrationsafety.estimate.MigrationEstimate;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.policy.Policy;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link MigrationSetRule} knows: the set and its parsed migrations.
 *
 * @param set the migration set as its format read it
 * @param migrations the reviewed migrations, parsed, in order
 * @param policy the review's policy
 * @param estimates how long each reviewed migration runs and holds its locks, in the order of
 *     {@code migrations}
 */
public record MigrationSetContext(MigrationSet set, List<ParsedMigration> migrations, Policy policy,
    List<MigrationEstimate> estimates) {

  public MigrationSetContext {
    Objects.requireNonNull(set, "set");
    migrations = List.copyOf(migrations);
    Objects.requireNonNull(policy, "policy");
    estimates = List.copyOf(estimates);
    if (estimates.size() != migrations.size()) {
      throw new IllegalArgumentException("one estimate per migration");
    }
  }

  /** A finding of {@code rule} at a line of a file, with the rule's default severity. */
  public Finding finding(Rule rule, String file, int line, String message, String why, String suggestion) {
    return new Finding(rule.id(), rule.metadata().defaultSeverity(), file, line, 1, message, why, suggestion, List.of());
  }
}
