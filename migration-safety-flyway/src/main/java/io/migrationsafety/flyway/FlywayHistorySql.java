package io.migrationsafety.flyway;

import io.migrationsafety.format.HistorySql;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.sql.SqlLiteral;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.internal.util.AbbreviationUtils;

/**
 * {@code flyway_schema_history} written in SQL for the production script, with the rows Flyway
 * itself would write, so that after the script {@code flyway validate} passes and {@code flyway
 * migrate} has nothing to run.
 *
 * <p>The table, when missing, gets the layout Flyway 13's PostgreSQL support creates (its
 * {@code PostgreSQLDatabase} create script: the ten columns with their types, defaults and NOT NULLs,
 * the primary key {@code <table>_pk} on {@code installed_rank}, the index {@code <table>_s_idx} on
 * {@code success}, the configured tablespace), written so that it can run again. It lives in the
 * configured schema ({@code defaultSchema}, else the first of {@code schemas}), else in the first
 * schema of the search path, as Flyway picks it. A row gets the next {@code installed_rank}
 * ({@code max + 1}), version and description as Flyway abbreviates them, type {@code SQL}, the
 * script's path in its location, Flyway's checksum, {@code installed_by} as configured or else
 * {@code current_user}, the milliseconds since its transaction began, and success.
 *
 * <p>Unlike the executor's writer, this one works without a database (the script is written
 * offline), so its DDL is kept equal to Flyway's by a test that compares the two tables.
 */
final class FlywayHistorySql implements HistorySql {

  private final Configuration configured;

  /** @param configured the Flyway configuration, or {@code null} for the set directory's own (or the defaults) */
  FlywayHistorySql(Configuration configured) {
    this.configured = configured;
  }

  @Override
  public String prepare() {
    Configuration configuration = configuration(null);
    String table = table(configuration);
    String name = configuration.getTable();
    String tablespace = configuration.getTablespace() == null ? ""
        : " TABLESPACE " + QualifiedName.quote(configuration.getTablespace());
    String schema = FlywaySettings.schemaConfigured(configuration)
        ? "CREATE SCHEMA IF NOT EXISTS " + QualifiedName.quote(FlywaySettings.defaultSchema(configuration)) + ";\n"
        : "";
    return schema + "CREATE TABLE IF NOT EXISTS " + table + " (\n"
        + "    \"installed_rank\" INT NOT NULL,\n"
        + "    \"version\" VARCHAR(50),\n"
        + "    \"description\" VARCHAR(200) NOT NULL,\n"
        + "    \"type\" VARCHAR(20) NOT NULL,\n"
        + "    \"script\" VARCHAR(1000) NOT NULL,\n"
        + "    \"checksum\" INTEGER,\n"
        + "    \"installed_by\" VARCHAR(100) NOT NULL,\n"
        + "    \"installed_on\" TIMESTAMP NOT NULL DEFAULT now(),\n"
        + "    \"execution_time\" INTEGER NOT NULL,\n"
        + "    \"success\" BOOLEAN NOT NULL,\n"
        + "    CONSTRAINT " + QualifiedName.quote(name + "_pk") + " PRIMARY KEY (\"installed_rank\")"
        + (tablespace.isEmpty() ? "" : " USING INDEX" + tablespace) + "\n"
        + ")" + tablespace + ";\n"
        + "CREATE INDEX IF NOT EXISTS " + QualifiedName.quote(name + "_s_idx") + " ON " + table + " (\"success\")";
  }

  /**
   * Applied as {@link FlywayHistory} reads it: a versioned migration when a successful row has its
   * version or a baseline row a version at least as high; a repeatable one when its latest successful
   * row has the checksum its text has now.
   */
  @Override
  public String appliedQuery(MigrationSet set, Migration migration) {
    Configuration configuration = configuration(set);
    String table = table(configuration);
    if (migration.version() == null) {
      Integer checksum = new FlywayScripts(configuration).checksum(set, migration);
      return "SELECT coalesce((SELECT checksum IS NOT DISTINCT FROM " + checksum + " FROM " + table
          + " WHERE version IS NULL AND success AND description = " + SqlLiteral.of(description(migration))
          + " ORDER BY installed_rank DESC LIMIT 1), false)";
    }
    MigrationVersion version = MigrationVersion.fromVersion(migration.id());
    return "SELECT EXISTS (SELECT 1 FROM " + table + " WHERE success AND ((type NOT IN ('BASELINE', 'SCHEMA') "
        + "AND version = " + SqlLiteral.of(version.toString()) + ") OR (type = 'BASELINE' AND CASE WHEN version ~ "
        + "'^[0-9]+(\\.[0-9]+)*$' THEN string_to_array(version, '.')::numeric[] >= " + parts(version)
        + " ELSE false END)))";
  }

  @Override
  public String recordApplied(MigrationSet set, Migration migration, String file) {
    Configuration configuration = configuration(set);
    String table = table(configuration);
    Integer checksum = new FlywayScripts(configuration).checksum(set, migration);
    String version = migration.version() == null ? "NULL"
        : SqlLiteral.of(MigrationVersion.fromVersion(migration.id()).toString());
    String installedBy = configuration.getInstalledBy() == null ? "current_user"
        : SqlLiteral.of(configuration.getInstalledBy());
    return "INSERT INTO " + table + " (installed_rank, version, description, type, script, checksum, installed_by, "
        + "execution_time, success) SELECT coalesce(max(installed_rank), 0) + 1, " + version + ", "
        + SqlLiteral.of(description(migration)) + ", 'SQL', " + SqlLiteral.of(AbbreviationUtils.abbreviateScript(file)) + ", "
        + (checksum == null ? "NULL" : checksum.toString()) + ", " + installedBy + ", "
        + "(extract(epoch FROM clock_timestamp() - now()) * 1000)::int, true FROM " + table;
  }

  /** Removes the migration's rows, so that Flyway sees it pending again. */
  @Override
  public String forget(MigrationSet set, Migration migration) {
    Configuration configuration = configuration(set);
    String table = table(configuration);
    if (migration.version() == null) {
      return "DELETE FROM " + table + " WHERE version IS NULL AND description = " + SqlLiteral.of(description(migration));
    }
    return "DELETE FROM " + table + " WHERE type NOT IN ('BASELINE', 'SCHEMA') AND version = "
        + SqlLiteral.of(MigrationVersion.fromVersion(migration.id()).toString());
  }

  /** The version's parts as a numeric array, trailing zeros dropped: Flyway holds 1.0 and 1 equal. */
  private static String parts(MigrationVersion version) {
    List<BigInteger> parts = new ArrayList<>();
    for (String part : version.getVersion().split("\\.")) {
      parts.add(new BigInteger(part));
    }
    while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
      parts.remove(parts.size() - 1);
    }
    return "ARRAY[" + parts.stream().map(BigInteger::toString).collect(Collectors.joining(", ")) + "]::numeric[]";
  }

  private static String description(Migration migration) {
    return AbbreviationUtils.abbreviateDescription(migration.description());
  }

  /** The table, in the configured schema; unqualified otherwise, so that the search path decides, as for Flyway. */
  private static String table(Configuration configuration) {
    if (FlywaySettings.schemaConfigured(configuration)) {
      return QualifiedName.of(FlywaySettings.defaultSchema(configuration), configuration.getTable()).sql();
    }
    return QualifiedName.quote(configuration.getTable());
  }

  private Configuration configuration(MigrationSet set) {
    if (configured != null) {
      return configured;
    }
    return set == null ? new FluentConfiguration(getClass().getClassLoader())
        : ProjectConfig.load(set.directory()).configuration();
  }

}
