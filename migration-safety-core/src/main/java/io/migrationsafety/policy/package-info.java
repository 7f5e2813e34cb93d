/**
 * The review policy ({@code migration-safety.yml}): target PostgreSQL version, rule severities,
 * thresholds, conventions and known table sizes.
 */
package io.migrationsafety.policy;
