/**
 * The review policy ({@code migration-safety.yml}): target PostgreSQL version, rule severities,
 * thresholds, conventions and known table sizes.
 *
 * <p>{@link io.migrationsafety.policy.PolicyLoader} reads a policy file into a
 * {@link io.migrationsafety.policy.LoadedPolicy}, failing with a
 * {@link io.migrationsafety.policy.PolicyException} that names the file, line and column;
 * {@link io.migrationsafety.policy.PolicyTemplate} is the commented default file that
 * {@code migration-safety init} writes. {@code docs/policy.md} describes every key.
 */
package io.migrationsafety.policy;
