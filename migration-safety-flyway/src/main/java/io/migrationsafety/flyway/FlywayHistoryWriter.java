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

/**
 * Records runs in {@code flyway_schema_history} through Flyway itself ({@link FlywaySchemaHistory}):
 * the table (its configured name and schema) is created by Flyway with its own DDL when missing, and
 * each row is added by Flyway's own code — type {@code SQL}, the script's path in its location,
 * Flyway's checksum, the {@code installed_rank} and {@code installed_by} Flyway gives — on the
 * executor's connection, inside the migration's transaction. Flyway afterwards sees the migration
 * applied, validates it, and never runs it again.
 *
 * <p>The table (and its schema) is created when the first run is recorded, with the set's own
 * configuration ({@code flyway.conf} may name another table or schema than Flyway's defaults).
 *
 * <p>A Java migration cannot be run by this library (its code is not SQL it has), so recording one
 * is refused rather than marking it applied without having run it.
 */
final class FlywayHistoryWriter implements HistoryWriter {

  private final Configuration configured;

  /** @param configured the Flyway configuration, or {@code null} for the set directory's own */
  FlywayHistoryWriter(Configuration configured) {
    this.configured = configured;
  }

  /**
   * Nothing to do before the first run: which table the history is depends on the set's own
   * configuration, which only {@link #recordApplied} sees, so the table is created there, by Flyway,
   * when it is missing.
   */
  @Override
  public void prepare(Connection connection) {
    // the table is created with the first row, for the set's own configuration
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
      if (!flyway.history().exists()) {
        flyway.create(); // in the migration's transaction, when it has one: the table commits with its row
      }
      flyway.history().addAppliedMigration(version, migration.description(), CoreMigrationType.SQL, run.file(),
          checksum, millis, success);
    } catch (FlywayException e) {
      throw FlywaySchemaHistory.sqlException(e);
    }
  }

  private Configuration configuration(MigrationSet set) {
    return configured != null ? configured : ProjectConfig.load(set.directory()).configuration();
  }
}
