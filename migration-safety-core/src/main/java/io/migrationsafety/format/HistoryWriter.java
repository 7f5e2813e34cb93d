package io.migrationsafety.format;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Records in a database's history that a migration ran, the way the format's tool records it
 * ({@code flyway_schema_history}, {@code alembic_version}, {@code _prisma_migrations}, or for plain
 * SQL the library's own {@code migration_safety_history}), so that the tool — and this library's
 * {@link AppliedStateReader} — sees the migration as applied and never runs it again. A format
 * offers its writer through {@link MigrationFormat#historyWriter()}; only the staging executor
 * calls it, on a target the user marked as staging.
 *
 * <p>A writer keeps no state of a run; it may keep what it read of a project, read once. It runs
 * on the executor's connection and must not commit or roll back: for a migration that runs in a
 * transaction, {@link #recordApplied} runs inside that transaction, so the migration and its
 * history row commit together or not at all.
 */
public interface HistoryWriter {

  /**
   * Makes sure the history can be written (creates its table when there is none). Runs once per
   * execution, in a transaction of its own, before any migration.
   *
   * @throws SQLException when the history cannot be prepared
   */
  void prepare(Connection connection) throws SQLException;

  /**
   * Records that {@code run.migration()} ran to its end.
   *
   * @throws SQLException when the row cannot be written
   */
  void recordApplied(Connection connection, MigrationSet set, AppliedRun run) throws SQLException;

  /**
   * Records that {@code run.migration()} failed after some of it was committed (a migration that
   * runs outside a transaction): the history then says it may be half-applied, and the next review
   * blocks until a person has cleaned it up. A transactional migration that failed left nothing, so
   * it is not recorded.
   *
   * @throws SQLException when the row cannot be written
   */
  void recordFailed(Connection connection, MigrationSet set, AppliedRun run) throws SQLException;

  /**
   * The key of the session advisory lock ({@code pg_advisory_lock(key)}) the format's own tool holds
   * while it applies migrations, such as the one {@code prisma migrate deploy} takes. The staging
   * executor holds it too, for its whole run (besides its own lock), so that the tool started
   * meanwhile waits rather than applies migrations between the executor's; and when the tool is
   * running, the executor stops before anything runs. Empty when the tool takes no such lock.
   */
  default java.util.OptionalLong advisoryLockKey() {
    return java.util.OptionalLong.empty();
  }

  /**
   * The same history as SQL, for the production script; empty when the format's history can only
   * be written through its tool (the script then says that the history is not recorded).
   */
  default java.util.Optional<HistorySql> sql() {
    return java.util.Optional.empty();
  }
}
