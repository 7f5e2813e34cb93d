/**
 * Inline suppressions: {@code -- migration-safety:ignore <rule-id> <reason>} in a comment of a
 * statement, and {@code -- migration-safety:ignore-file <rule-id> <reason>} before the first
 * statement of a file. {@link io.migrationsafety.suppression.ScriptSuppressions} reads them for a
 * whole script; malformed ones are returned as
 * {@link io.migrationsafety.suppression.SuppressionProblem}s for the engine to report, never
 * dropped.
 *
 * <p>A package of its own rather than part of {@code policy}: suppressions are read from SQL
 * comments, so they depend on the SQL front end, while the policy file does not; each can change
 * without the other.
 */
package io.migrationsafety.suppression;
