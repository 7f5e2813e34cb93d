package io.migrationsafety.prisma;

import io.migrationsafety.format.AppliedState;
import io.migrationsafety.format.AppliedStateReader;
import io.migrationsafety.format.HistoryProblem;
import io.migrationsafety.format.HistoryProblem.Kind;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Prisma's {@code _prisma_migrations} (found on the connection's {@code search_path}, where
 * Prisma creates it). Prisma writes a row when it starts a migration, sets {@code finished_at} when
 * it succeeds, and {@code rolled_back_at} when a person runs {@code prisma migrate resolve
 * --rolled-back}; a later attempt adds a new row. So the newest row of each migration decides:
 * finished and not rolled back is applied; rolled back is pending again (and reported); neither is a
 * failed run that blocks {@code migrate deploy} (and is reported with its logs). The checksum of an
 * applied row must match the file on disk; a row without a directory, and a pending directory that
 * sorts before an applied one, are reported too.
 */
public final class PrismaHistory implements AppliedStateReader {

  /** The history table's name. */
  public static final String TABLE = "_prisma_migrations";

  private static final String ROWS = "SELECT migration_name, checksum, finished_at IS NOT NULL, "
      + "rolled_back_at IS NOT NULL, logs FROM " + TABLE + " ORDER BY started_at, finished_at NULLS LAST";

  @Override
  public AppliedState read(Connection connection, MigrationSet set) throws SQLException {
    String table = locate(connection);
    if (table == null) {
      return new AppliedState("no " + TABLE + " table on the search_path: nothing applied", Set.of(), List.of());
    }
    Map<String, Row> newest = new LinkedHashMap<>();
    try (PreparedStatement st = connection.prepareStatement(ROWS); ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        Row row = new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4), rs.getString(5));
        newest.remove(row.name()); // keep the map in order of each migration's newest attempt
        newest.put(row.name(), row);
      }
    }
    return state(table, set, newest);
  }

  private static AppliedState state(String table, MigrationSet set, Map<String, Row> newest) {
    Map<String, Migration> byName = new LinkedHashMap<>();
    set.migrations().forEach(m -> byName.put(m.id(), m));
    Set<String> applied = new HashSet<>();
    List<HistoryProblem> problems = new ArrayList<>();
    for (Row row : newest.values()) {
      Migration migration = byName.get(row.name());
      String file = migration == null ? null : relative(set, migration);
      if (migration == null) {
        problems.add(new HistoryProblem(Kind.MISSING_FILE, row.name(), null, table + " records the migration "
            + row.name() + (row.finished() ? ", applied," : "") + " but the migrations directory has no such directory"));
      } else if (row.rolledBack()) {
        problems.add(new HistoryProblem(Kind.ROLLED_BACK, row.name(), file, table + " marks " + row.name()
            + " rolled back (prisma migrate resolve --rolled-back): migrate deploy will run it again"));
      } else if (!row.finished()) {
        problems.add(new HistoryProblem(Kind.FAILED, row.name(), file, table + " records a failed run of "
            + row.name() + firstLine(row.logs()) + "; migrate deploy refuses to run until it is resolved"));
      } else {
        applied.add(row.name());
        if (row.checksum() != null && !PrismaChecksum.matches(migration.upScript(), row.checksum())) {
          problems.add(new HistoryProblem(Kind.CHECKSUM_MISMATCH, row.name(), file, file
              + " was changed after it was applied: its SHA-256 differs from the checksum in " + table));
        }
      }
    }
    String newestApplied = null;
    for (Migration m : set.migrations()) {
      if (applied.contains(m.id())) {
        newestApplied = m.id();
      }
    }
    for (Migration m : set.migrations()) {
      if (newestApplied != null && m.id().compareTo(newestApplied) < 0 && !applied.contains(m.id())
          && !newest.containsKey(m.id())) {
        problems.add(new HistoryProblem(Kind.OUT_OF_ORDER, m.id(), relative(set, m), m.id()
            + " has not run but sorts before " + newestApplied + ", which has: migrate deploy will run it after "
            + "newer migrations, on a schema it was not written for"));
      }
    }
    return new AppliedState(table, applied, problems);
  }

  /** The table's qualified name on the connection's search_path, or null when there is none. */
  private static String locate(Connection connection) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement(
        "SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE c.oid = to_regclass(?)")) {
      st.setString(1, TABLE);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getString(1) + "." + TABLE : null;
      }
    }
  }

  private static String relative(MigrationSet set, Migration migration) {
    Path file = migration.file();
    return (file.startsWith(set.directory()) ? set.directory().relativize(file) : file).toString().replace('\\', '/');
  }

  private static String firstLine(String logs) {
    if (logs == null || logs.isBlank()) {
      return "";
    }
    String line = logs.strip().lines().findFirst().orElse("");
    return " (" + (line.length() > 200 ? line.substring(0, 200) + "…" : line) + ")";
  }

  /** The newest row of one migration. */
  private record Row(String name, String checksum, boolean finished, boolean rolledBack, String logs) {}
}
