/**
 * Running reviewed migrations, and preparing them for production.
 *
 * <p>The {@link io.migrationsafety.execute.StagingExecutor} applies the pending migrations of a
 * directory to a database the caller marked as staging ({@link io.migrationsafety.execute.StagingTarget}),
 * and only when their review does not block — with timeouts before every statement that takes a lock,
 * lock timeouts retried with backoff, transactional migrations all-or-nothing, and each run recorded
 * in the format's history. There is no production target: for production,
 * {@link io.migrationsafety.execute.ReleaseScript} writes one reviewed script, and its rollback, for a
 * person to approve and run. {@code docs/execution.md} describes both.
 */
package io.migrationsafety.execute;
