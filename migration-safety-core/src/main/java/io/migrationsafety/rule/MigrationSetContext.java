package io.migrationsafety.rule;

import io.migrationsafety.estimate.MigrationEstimate;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.policy.Policy;
import io.migrationsafety.schema.Schema;
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
 * @param start the schema the review starts from: the database as introspected, a snapshot, or a
 *     stand-in ({@link Schema#empty()}) when neither was given
 * @param startKnown whether {@code start} is the real database (introspected or a snapshot)
 */
public record MigrationSetContext(MigrationSet set, List<ParsedMigration> migrations, Policy policy,
    List<MigrationEstimate> estimates, Schema start, boolean startKnown) {

  public MigrationSetContext {
    Objects.requireNonNull(set, "set");
    migrations = List.copyOf(migrations);
    Objects.requireNonNull(policy, "policy");
    estimates = List.copyOf(estimates);
    if (estimates.size() != migrations.size()) {
      throw new IllegalArgumentException("one estimate per migration");
    }
    Objects.requireNonNull(start, "start");
  }

  /** A context whose starting schema is not known (an empty stand-in). */
  public MigrationSetContext(MigrationSet set, List<ParsedMigration> migrations, Policy policy,
      List<MigrationEstimate> estimates) {
    this(set, migrations, policy, estimates, Schema.empty(), false);
  }

  /** A finding of {@code rule} at a line of a file, with the rule's default severity. */
  public Finding finding(Rule rule, String file, int line, String message, String why, String suggestion) {
    return new Finding(rule.id(), rule.metadata().defaultSeverity(), file, line, 1, message, why, suggestion, List.of());
  }
}
