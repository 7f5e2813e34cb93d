/**
 * The review engine behind {@link io.migrationsafety.Reviewer}: parses each migration, replays
 * it on the schema statement by statement, runs the rules with the policy applied, and gathers
 * verdicts. Internal: use {@link io.migrationsafety.MigrationSafety}; no compatibility promise.
 */
package io.migrationsafety.review;
