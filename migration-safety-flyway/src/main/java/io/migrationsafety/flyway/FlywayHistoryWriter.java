package io.migrationsafety.flyway;

import io.migrationsafety.format.AppliedRun;
import io.migrationsafety.format.HistoryWriter;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.operation.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * Records runs in {@code flyway_schema_history} as Flyway records them — same table (its configured
 * name and schema, created with Flyway's PostgreSQL layout when missing), type {@code SQL}, the
 * script's path in its location, Flyway's checksum and the next {@code installed_rank} — so that
 * Flyway afterwards sees the migration applied, validates it, and never runs it again.
 *
 * <p>A Java migration cannot be run by this library (its code is not SQL it has), so recording one
 * is refused rather than marking it applied without having run it.
 */
final class FlywayHistoryWriter implements HistoryWriter {

  private final Configuration configured;

  /** @param configured the Flyway configuration, or {@code null} for the set directory's own (or the defaults) */
  FlywayHistoryWriter(Configuration configured) {
    this.configured = configured;
  }

  @Override
  public void prepare(Connection connection) throws SQLException {
    Configuration configuration = configuration(null);
    QualifiedName table = table(connection, configuration);
    String name = configuration.getTable();
    try (Statement st = connection.createStatement()) {
      st.execute("CREATE SCHEMA IF NOT EXISTS " + QualifiedName.quote(table.schema()));
      st.execute("CREATE TABLE IF NOT EXISTS " + table.sql() + " ("
          + "installed_rank INT NOT NULL, version VARCHAR(50), description VARCHAR(200) NOT NULL, "
          + "type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL, checksum INTEGER, "
          + "installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT now(), "
          + "execution_time INTEGER NOT NULL, success BOOLEAN NOT NULL, "
          + "CONSTRAINT " + QualifiedName.quote(name + "_pk") + " PRIMARY KEY (installed_rank))");
      st.execute("CREATE INDEX IF NOT EXISTS " + QualifiedName.quote(name + "_s_idx") + " ON " + table.sql()
          + " (success)");
    }
  }

  @Override
  public void recordApplied(Connection connection, MigrationSet set, AppliedRun run) throws SQLException {
    record(connection, set, run, true);
  }

  @Override
  public void recordFailed(Connection connection, MigrationSet set, AppliedRun run) throws SQLException {
    record(connection, set, run, false);
  }

  private void record(Connection connection, MigrationSet set, AppliedRun run, boolean success) throws SQLException {
    Migration migration = run.migration();
    if (set.unreviewable().containsKey(migration.id())) {
      throw new SQLException(run.file() + " is not a SQL migration (" + set.unreviewable().get(migration.id())
          + "); only Flyway can run it, so its run is not recorded");
    }
    Configuration configuration = configuration(set);
    QualifiedName table = table(connection, configuration);
    Integer checksum = new FlywayScripts(configuration).checksum(set, migration);
    String sql = "INSERT INTO " + table.sql() + " (installed_rank, version, description, type, script, checksum, "
        + "installed_by, execution_time, success) SELECT coalesce(max(installed_rank), 0) + 1, ?, ?, 'SQL', ?, ?, "
        + "coalesce(?, current_user), ?, ? FROM " + table.sql();
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      st.setString(1, migration.version() == null ? null : migration.id());
      st.setString(2, migration.description());
      st.setString(3, run.file());
      if (checksum == null) {
        st.setNull(4, Types.INTEGER);
      } else {
        st.setInt(4, checksum);
      }
      st.setString(5, configuration.getInstalledBy());
      st.setInt(6, (int) Math.min(Integer.MAX_VALUE, run.duration().toMillis()));
      st.setBoolean(7, success);
      st.executeUpdate();
    }
  }

  private Configuration configuration(MigrationSet set) {
    if (configured != null) {
      return configured;
    }
    return set == null ? new org.flywaydb.core.api.configuration.FluentConfiguration(getClass().getClassLoader())
        : ProjectConfig.load(set.directory()).configuration();
  }

  private static QualifiedName table(Connection connection, Configuration configuration) throws SQLException {
    String schema = FlywaySettings.schemaConfigured(configuration) ? FlywaySettings.defaultSchema(configuration)
        : FlywayHistory.currentSchema(connection);
    return QualifiedName.of(schema, configuration.getTable());
  }
}
