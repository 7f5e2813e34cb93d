package io.migrationsafety.prisma;

import io.migrationsafety.format.AppliedRun;
import io.migrationsafety.format.HistorySql;
import io.migrationsafety.format.HistoryWriter;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.sql.SqlLiteral;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Writes {@code _prisma_migrations} as {@code prisma migrate deploy} does, so that Prisma's own
 * tooling ({@code migrate status}, {@code migrate deploy}) sees what the executor or the release
 * script applied: the table with Prisma's DDL when there is none, then one row per run with a random
 * UUID as its id, the SHA-256 of {@code migration.sql} ({@link PrismaChecksum}) and the directory
 * name. A run that succeeded has {@code finished_at} set and {@code applied_steps_count} 1 (Prisma
 * applies a {@code migration.sql} as one step); a run that failed after part of it committed has
 * {@code finished_at} empty, no step counted, and the error in {@code logs} — the row by which Prisma
 * refuses to deploy until {@code prisma migrate resolve}, and {@link PrismaHistory} reports FAILED.
 *
 * <p>Like Prisma, the table is the one on the connection's {@code search_path}.
 */
public final class PrismaHistoryWriter implements HistoryWriter, HistorySql {

  private static final String TABLE = PrismaHistory.TABLE;

  /** The key of Prisma Migrate's advisory lock on PostgreSQL. */
  static final long MIGRATE_LOCK_KEY = 72707369L;

  /**
   * A random (version 4) UUID computed by the server, for the production script. PostgreSQL 12 has no
   * {@code gen_random_uuid()} without pgcrypto, so it is built from random hex digits, with the
   * version and variant digits set.
   */
  private static final String RANDOM_UUID = "overlay(overlay(md5(random()::text || clock_timestamp()::text) "
      + "placing '4' from 13) placing substr('89ab', 1 + floor(random() * 4)::int, 1) from 17)::uuid::text";

  @Override
  public void prepare(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(prepare());
    }
  }

  @Override
  public void recordApplied(Connection connection, MigrationSet set, AppliedRun run) throws SQLException {
    insert(connection, run, true, null);
  }

  @Override
  public void recordFailed(Connection connection, MigrationSet set, AppliedRun run) throws SQLException {
    String error = run.failure() == null ? "the migration failed" : run.failure();
    insert(connection, run, false, error + "\n\nRecorded by migration-safety execute: the statements before the "
        + "failure stay committed. Undo them, then run: npx prisma migrate resolve --rolled-back "
        + run.migration().id());
  }

  /** One row as Prisma leaves it: started when the run began, finished (one step) or failed with its logs. */
  private static void insert(Connection connection, AppliedRun run, boolean finished, String logs)
      throws SQLException {
    try (PreparedStatement st = connection.prepareStatement("INSERT INTO " + TABLE
        + " (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count) VALUES (?, ?, "
        + (finished ? "clock_timestamp()" : "NULL") + ", ?, ?, clock_timestamp() - ? * interval '1 microsecond', ?)")) {
      st.setString(1, UUID.randomUUID().toString());
      st.setString(2, PrismaChecksum.of(run.migration().upScript()));
      st.setString(3, run.migration().id());
      st.setString(4, logs);
      st.setLong(5, run.duration().toNanos() / 1000);
      st.setInt(6, finished ? 1 : 0);
      st.executeUpdate();
    }
  }

  /**
   * The session advisory lock {@code prisma migrate deploy} takes on PostgreSQL for its whole run
   * ({@code SELECT pg_advisory_lock(72707369)} in the schema engine's PostgreSQL connector, waiting at
   * most 10 s): held by the executor too, a deploy started meanwhile waits for it, then finds the
   * migrations applied.
   */
  @Override
  public OptionalLong advisoryLockKey() {
    return OptionalLong.of(MIGRATE_LOCK_KEY);
  }

  @Override
  public Optional<HistorySql> sql() {
    return Optional.of(this);
  }

  /** Prisma's own DDL for the table (schema-engine's {@code create_migrations_table}), made idempotent. */
  @Override
  public String prepare() {
    return "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
        + "id VARCHAR(36) PRIMARY KEY NOT NULL, "
        + "checksum VARCHAR(64) NOT NULL, "
        + "finished_at TIMESTAMPTZ, "
        + "migration_name VARCHAR(255) NOT NULL, "
        + "logs TEXT, "
        + "rolled_back_at TIMESTAMPTZ, "
        + "started_at TIMESTAMPTZ NOT NULL DEFAULT now(), "
        + "applied_steps_count INTEGER NOT NULL DEFAULT 0)";
  }

  /** Applied when the newest row of the migration finished and was not rolled back, as {@link PrismaHistory} reads it. */
  @Override
  public String appliedQuery(MigrationSet set, Migration migration) {
    return "SELECT coalesce((SELECT finished_at IS NOT NULL AND rolled_back_at IS NULL FROM " + TABLE
        + " WHERE migration_name = " + SqlLiteral.of(migration.id())
        + " ORDER BY started_at DESC, finished_at DESC NULLS FIRST LIMIT 1), false)";
  }

  /**
   * The row of a successful run. In a migration's transaction {@code now()} is when it began, so
   * {@code started_at} and {@code finished_at} bracket it as in Prisma's row.
   */
  @Override
  public String recordApplied(MigrationSet set, Migration migration, String file) {
    return "INSERT INTO " + TABLE + " (id, checksum, finished_at, migration_name, logs, started_at, "
        + "applied_steps_count) VALUES (" + RANDOM_UUID + ", " + SqlLiteral.of(PrismaChecksum.of(migration.upScript()))
        + ", clock_timestamp(), " + SqlLiteral.of(migration.id()) + ", NULL, now(), 1)";
  }

  /**
   * Removes the migration's rows, so that Prisma sees it as never applied and {@code migrate deploy}
   * runs it again. ({@code prisma migrate resolve --rolled-back} only accepts a failed migration.)
   */
  @Override
  public String forget(MigrationSet set, Migration migration) {
    return "DELETE FROM " + TABLE + " WHERE migration_name = " + SqlLiteral.of(migration.id());
  }

}
