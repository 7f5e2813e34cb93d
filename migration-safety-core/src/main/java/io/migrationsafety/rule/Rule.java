package io.migrationsafety.rule;

/**
 * A check on migrations. Implement {@link StatementRule} or {@link MigrationSetRule}. Rules are
 * stateless and thread-safe; one instance serves every review.
 */
public interface Rule {

  /** What the rule is. Must return the same value every time. */
  RuleMetadata metadata();

  /** The rule id, from its metadata. */
  default String id() {
    return metadata().id();
  }
}
