/**
 * The rule SPI: a {@link io.migrationsafety.rule.Rule} declares its
 * {@link io.migrationsafety.rule.RuleMetadata} once and checks either one statement
 * ({@link io.migrationsafety.rule.StatementRule}) or a whole migration set
 * ({@link io.migrationsafety.rule.MigrationSetRule}), returning
 * {@link io.migrationsafety.rule.Finding}s. Built-in rules are registered with
 * {@link java.util.ServiceLoader}; users add theirs the same way or through the builder.
 */
package io.migrationsafety.rule;
