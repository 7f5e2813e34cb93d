package io.migrationsafety.flyway;

import io.migrationsafety.format.AppliedState;
import io.migrationsafety.format.AppliedStateReader;
import io.migrationsafety.format.HistoryProblem;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.operation.QualifiedName;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * Reads {@code flyway_schema_history} (its configured name, in the configured schema or else the
 * connection's current one) and matches it against the set as Flyway does: a versioned migration
 * has run when a successful row has its version (or a baseline row a version at least as high); a
 * repeatable one when its latest successful row has the checksum its current text has. What Flyway
 * itself would complain about becomes a {@link HistoryProblem}: failed rows, applied scripts whose
 * checksum (computed as Flyway computes it) changed, rows without a file, and pending versions
 * below the newest applied one.
 */
final class FlywayHistory implements AppliedStateReader {

  private static final Set<String> BASELINE_TYPES = Set.of("BASELINE", "SCHEMA");

  private final Configuration configured;

  /** @param configured the Flyway configuration, or {@code null} to take the set directory's own (or the defaults) */
  FlywayHistory(Configuration configured) {
    this.configured = configured;
  }

  private record Row(int rank, String version, String description, String type, String script, Integer checksum,
      boolean success) {}

  @Override
  public AppliedState read(Connection connection, MigrationSet set) throws SQLException {
    Configuration configuration = configured != null ? configured : ProjectConfig.load(set.directory()).configuration();
    String schema = FlywaySettings.schemaConfigured(configuration) ? FlywaySettings.defaultSchema(configuration)
        : currentSchema(connection);
    QualifiedName table = QualifiedName.of(schema, configuration.getTable());
    String source = table.sql();
    if (!exists(connection, table)) {
      return new AppliedState(source + " (absent: nothing applied)", Set.of(), List.of());
    }
    List<Row> rows = rows(connection, table);
    return match(set, rows, source, new FlywayScripts(configuration));
  }

  private AppliedState match(MigrationSet set, List<Row> rows, String source, FlywayScripts scripts) {
    Map<MigrationVersion, Migration> versioned = new HashMap<>();
    Map<String, Migration> repeatable = new HashMap<>();
    for (Migration m : set.migrations()) {
      if (m.version() != null) {
        versioned.put(MigrationVersion.fromVersion(m.id()), m);
      } else {
        repeatable.put(m.description(), m);
      }
    }
    Set<String> applied = new HashSet<>();
    List<HistoryProblem> problems = new ArrayList<>();
    Map<String, Row> latestRepeatable = new LinkedHashMap<>();
    MigrationVersion baseline = null;
    MigrationVersion newest = null;
    for (Row row : rows) {
      if (BASELINE_TYPES.contains(row.type())) {
        if (row.version() != null && row.type().equals("BASELINE")) {
          baseline = MigrationVersion.fromVersion(row.version());
        }
        continue;
      }
      if (row.version() == null) {
        if (row.success()) {
          latestRepeatable.put(row.description(), row);
        } else {
          problems.add(failed(row, repeatable.get(row.description()), set, source));
        }
        continue;
      }
      MigrationVersion version = MigrationVersion.fromVersion(row.version());
      Migration migration = versioned.get(version);
      if (!row.success()) {
        problems.add(failed(row, migration, set, source));
        continue;
      }
      newest = newest == null || version.compareTo(newest) > 0 ? version : newest;
      if (migration == null) {
        problems.add(new HistoryProblem(HistoryProblem.Kind.MISSING_FILE, row.version(), null, source
            + " records version " + row.version() + " (" + row.script() + ") as applied, but no migration has it"));
        continue;
      }
      applied.add(migration.id());
      Integer now = scripts.checksum(set, migration);
      if (row.checksum() != null && now != null && !row.checksum().equals(now)) {
        problems.add(new HistoryProblem(HistoryProblem.Kind.CHECKSUM_MISMATCH, migration.id(), file(set, migration),
            file(set, migration) + " changed after it was applied: " + source + " records checksum " + row.checksum()
                + ", the file now has " + now));
      }
    }
    for (Map.Entry<String, Row> entry : latestRepeatable.entrySet()) {
      Migration migration = repeatable.get(entry.getKey());
      if (migration == null) {
        problems.add(new HistoryProblem(HistoryProblem.Kind.MISSING_FILE, entry.getValue().script(), null, source
            + " records the repeatable migration " + entry.getValue().script() + ", which has no file"));
      } else if (entry.getValue().checksum() != null
          && entry.getValue().checksum() == FlywayChecksum.of(migration.upScript())) {
        applied.add(migration.id());
      }
    }
    for (Migration m : set.migrations()) {
      if (m.version() == null || applied.contains(m.id())) {
        continue;
      }
      MigrationVersion version = MigrationVersion.fromVersion(m.id());
      if (baseline != null && version.compareTo(baseline) <= 0) {
        applied.add(m.id());
      } else if (newest != null && version.compareTo(newest) < 0) {
        problems.add(new HistoryProblem(HistoryProblem.Kind.OUT_OF_ORDER, m.id(), file(set, m), file(set, m)
            + " has not run, but " + source + " already records the newer version " + newest
            + "; Flyway skips or refuses it unless outOfOrder is on"));
      }
    }
    return new AppliedState(source, applied, problems);
  }

  private static HistoryProblem failed(Row row, Migration migration, MigrationSet set, String source) {
    String id = migration != null ? migration.id() : row.version() != null ? row.version() : row.script();
    return new HistoryProblem(HistoryProblem.Kind.FAILED, id, migration == null ? null : file(set, migration),
        source + " records a failed run of " + row.script() + " (installed_rank " + row.rank()
            + "); run flyway repair once the database is cleaned up");
  }

  private static String file(MigrationSet set, Migration migration) {
    Path file = migration.file();
    Path rel = file.startsWith(set.directory()) ? set.directory().relativize(file) : file;
    return rel.toString().replace('\\', '/');
  }

  static String currentSchema(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT current_schema()")) {
      return rs.next() && rs.getString(1) != null ? rs.getString(1) : "public";
    }
  }

  private static boolean exists(Connection connection, QualifiedName table) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      st.setString(1, table.sql());
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  private static List<Row> rows(Connection connection, QualifiedName table) throws SQLException {
    List<Row> rows = new ArrayList<>();
    String sql = "SELECT installed_rank, version, description, type, script, checksum, success FROM " + table.sql()
        + " ORDER BY installed_rank";
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        int checksum = rs.getInt(6);
        rows.add(new Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.wasNull() ? null : checksum, rs.getBoolean(7)));
      }
    }
    return rows;
  }
}
