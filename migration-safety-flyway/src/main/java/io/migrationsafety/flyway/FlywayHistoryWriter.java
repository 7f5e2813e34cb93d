package io.migrationsafety.flyway;

import io.migrationsafety.format.AppliedRun;
import io.migrationsafety.format.HistorySql;
import io.migrationsafety.format.HistoryWriter;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Records runs in {@code flyway_schema_history} through Flyway itself ({@link FlywaySchemaHistory}):
 * the table (its configured name and schema) is created by Flyway with its own DDL when missing, and
 * each row is added by Flyway's own code — type {@code SQL}, the script's path in its location,
 * Flyway's checksum, the {@code installed_rank} and {@code installed_by} Flyway gives — on the
 * executor's connection, inside the migration's transaction. Flyway afterwards sees the migration
 * applied, validates it, and never runs it again.
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
    try (FlywaySchemaHistory flyway = FlywaySchemaHistory.open(connection, configuration(null))) {
      flyway.create();
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

  @Override
  public Optional<HistorySql> sql() {
    return Optional.of(new FlywayHistorySql(configured));
  }

  private void record(Connection connection, MigrationSet set, AppliedRun run, boolean success) throws SQLException {
    Migration migration = run.migration();
    if (set.unreviewable().containsKey(migration.id())) {
      throw new SQLException(run.file() + " is not a SQL migration (" + set.unreviewable().get(migration.id())
          + "); only Flyway can run it, so its run is not recorded");
    }
    Configuration configuration = configuration(set);
    Integer checksum = new FlywayScripts(configuration).checksum(set, migration);
    MigrationVersion version = migration.version() == null ? null : MigrationVersion.fromVersion(migration.id());
    int millis = (int) Math.min(Integer.MAX_VALUE, run.duration().toMillis());
    try (FlywaySchemaHistory flyway = FlywaySchemaHistory.open(connection, configuration)) {
      flyway.history().addAppliedMigration(version, migration.description(), CoreMigrationType.SQL, run.file(),
          checksum, millis, success);
    } catch (FlywayException e) {
      throw FlywaySchemaHistory.sqlException(e);
    }
  }

  private Configuration configuration(MigrationSet set) {
    if (configured != null) {
      return configured;
    }
    return set == null ? new FluentConfiguration(getClass().getClassLoader())
        : ProjectConfig.load(set.directory()).configuration();
  }
}
