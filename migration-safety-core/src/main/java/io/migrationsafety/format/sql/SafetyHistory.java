package io.migrationsafety.format.sql;

import io.migrationsafety.format.AppliedRun;
import io.migrationsafety.format.AppliedState;
import io.migrationsafety.format.AppliedStateReader;
import io.migrationsafety.format.HistoryProblem;
import io.migrationsafety.format.HistorySql;
import io.migrationsafety.format.HistoryWriter;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.sql.SqlLiteral;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The history of the SQL-file formats core ships, kept by the staging executor in its own table
 * {@code migration_safety_history} (in the first schema of the connection's {@code search_path}):
 * one row per migration with the SHA-256 of the file it ran, whether it succeeded, when, how long it
 * took, who ran it, and the reason given when it ran although its review blocked it.
 *
 * <p>Read, it tells reviews and executions which migrations have run; a failed row, a changed file,
 * a row without a file, or a pending migration older than an applied one is a {@link HistoryProblem}.
 */
public final class SafetyHistory implements AppliedStateReader, HistoryWriter, HistorySql {

  /** The table's name. */
  public static final String TABLE = "migration_safety_history";

  static final SafetyHistory INSTANCE = new SafetyHistory();

  private SafetyHistory() {}

  @Override
  public AppliedState read(Connection connection, MigrationSet set) throws SQLException {
    String table = qualifiedTable(connection);
    if (table == null) {
      return new AppliedState(TABLE + " (not created yet)", Set.of(), List.of());
    }
    Map<String, Migration> byId = new HashMap<>();
    set.migrations().forEach(m -> byId.put(m.id(), m));
    Set<String> applied = new HashSet<>();
    List<HistoryProblem> problems = new ArrayList<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT migration_id, file, checksum, success FROM " + table
            + " ORDER BY applied_at, migration_id")) {
      while (rs.next()) {
        String id = rs.getString(1);
        Migration migration = byId.get(id);
        String file = migration == null ? null : relative(set, migration);
        if (migration == null) {
          problems.add(new HistoryProblem(HistoryProblem.Kind.MISSING_FILE, id, null,
              table + " records migration " + id + " (" + rs.getString(2) + "), which has no file here"));
        } else if (!rs.getBoolean(4)) {
          problems.add(new HistoryProblem(HistoryProblem.Kind.FAILED, id, file, table + " records a failed run of "
              + file + ": part of it may be applied; clean it up, then delete its row from " + table));
        } else {
          applied.add(id);
          if (!migration.checksum().equals(rs.getString(3))) {
            problems.add(new HistoryProblem(HistoryProblem.Kind.CHECKSUM_MISMATCH, id, file,
                file + " changed after it was applied (" + table + " has another SHA-256 for it)"));
          }
        }
      }
    }
    outOfOrder(set, applied, problems);
    return new AppliedState(table, applied, problems);
  }

  /** A pending migration that runs before the last applied one has been skipped. */
  private static void outOfOrder(MigrationSet set, Set<String> applied, List<HistoryProblem> problems) {
    String newest = null;
    for (Migration m : set.migrations()) {
      if (applied.contains(m.id())) {
        newest = m.id();
      }
    }
    for (Migration m : set.migrations()) {
      if (newest == null || m.id().equals(newest)) {
        return;
      }
      if (!applied.contains(m.id())) {
        problems.add(new HistoryProblem(HistoryProblem.Kind.OUT_OF_ORDER, m.id(), relative(set, m),
            relative(set, m) + " has not run, but " + newest + ", which comes after it, has"));
      }
    }
  }

  @Override
  public void prepare(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(prepare());
    }
  }

  @Override
  public java.util.Optional<HistorySql> sql() {
    return java.util.Optional.of(this);
  }

  @Override
  public String prepare() {
    return "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
        + "migration_id text PRIMARY KEY, "
        + "format text NOT NULL, "
        + "file text NOT NULL, "
        + "description text NOT NULL, "
        + "checksum text NOT NULL, "
        + "success boolean NOT NULL, "
        + "applied_at timestamptz NOT NULL DEFAULT now(), "
        + "execution_ms bigint NOT NULL, "
        + "applied_by text NOT NULL DEFAULT current_user, "
        + "override_reason text)";
  }

  @Override
  public String appliedQuery(MigrationSet set, Migration migration) {
    return "SELECT EXISTS (SELECT 1 FROM " + TABLE + " WHERE migration_id = " + SqlLiteral.of(migration.id())
        + " AND success)";
  }

  @Override
  public String recordApplied(MigrationSet set, Migration migration, String file) {
    // A person's run: its duration is not measured (0), and it overrides nothing the script does not say.
    return "INSERT INTO " + TABLE + " (migration_id, format, file, description, checksum, success, execution_ms)"
        + " VALUES (" + SqlLiteral.of(migration.id()) + ", " + SqlLiteral.of(set.format()) + ", " + SqlLiteral.of(file) + ", "
        + SqlLiteral.of(migration.description()) + ", " + SqlLiteral.of(migration.checksum()) + ", true, 0)"
        + " ON CONFLICT (migration_id) DO UPDATE SET checksum = excluded.checksum, success = true, applied_at = now(),"
        + " applied_by = current_user, override_reason = NULL";
  }

  @Override
  public String forget(MigrationSet set, Migration migration) {
    return "DELETE FROM " + TABLE + " WHERE migration_id = " + SqlLiteral.of(migration.id());
  }


  @Override
  public void recordApplied(Connection connection, MigrationSet set, AppliedRun run) throws SQLException {
    record(connection, set, run, true);
  }

  @Override
  public void recordFailed(Connection connection, MigrationSet set, AppliedRun run) throws SQLException {
    record(connection, set, run, false);
  }

  private static void record(Connection connection, MigrationSet set, AppliedRun run, boolean success)
      throws SQLException {
    Migration m = run.migration();
    try (PreparedStatement st = connection.prepareStatement("INSERT INTO " + TABLE
        + " (migration_id, format, file, description, checksum, success, execution_ms, override_reason)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (migration_id) DO UPDATE SET format = excluded.format,"
        + " file = excluded.file, description = excluded.description, checksum = excluded.checksum,"
        + " success = excluded.success, applied_at = now(), execution_ms = excluded.execution_ms,"
        + " applied_by = current_user, override_reason = excluded.override_reason")) {
      st.setString(1, m.id());
      st.setString(2, set.format());
      st.setString(3, run.file());
      st.setString(4, m.description());
      st.setString(5, m.checksum());
      st.setBoolean(6, success);
      st.setLong(7, run.duration().toMillis());
      st.setString(8, run.overrideReason());
      st.executeUpdate();
    }
  }

  /** The table, schema-qualified, as the connection's search path finds it; {@code null} when there is none. */
  private static String qualifiedTable(Connection connection) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement(
        "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c "
            + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass(?)")) {
      st.setString(1, TABLE);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static String relative(MigrationSet set, Migration m) {
    java.nio.file.Path file = m.file();
    return (file.startsWith(set.directory()) ? set.directory().relativize(file) : file).toString().replace('\\', '/');
  }
}
