package io.migrationsafety.database;

import io.migrationsafety.format.AppliedStateReader;
import io.migrationsafety.format.MigrationSet;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Where the live database is: a connection URL or a {@link DataSource}. It prints (and reports
 * failures) without the password, so it can be logged as it is.
 *
 * <pre>{@code
 * DatabaseTarget target = DatabaseTarget.of("postgres://reader:secret@db.internal:5432/app");
 * IntrospectedSchema live = target.read(false);   // refuses a role that can write
 * }</pre>
 */
public final class DatabaseTarget {

  /** The environment variable {@link #fromEnvironment()} reads. */
  public static final String ENVIRONMENT_VARIABLE = "MIGRATION_SAFETY_DATABASE_URL";

  /** How long to wait for a connection unless the URL says otherwise, in seconds. */
  private static final String CONNECT_TIMEOUT_SECONDS = "10";

  private final ConnectionUrl url;
  private final DataSource dataSource;

  private DatabaseTarget(ConnectionUrl url, DataSource dataSource) {
    this.url = url;
    this.dataSource = dataSource;
  }

  /**
   * A target from a URL: {@code jdbc:postgresql://host:port/db?…}, or libpq's
   * {@code postgres://user:password@host:port/db?params} ({@code postgresql://} too), whose user
   * and password are passed to the driver as properties.
   *
   * @throws io.migrationsafety.MigrationSafetyException when it is none of these (the message is
   *     redacted): a usage error, exit code 2 in the CLI
   */
  public static DatabaseTarget of(String url) {
    Objects.requireNonNull(url, "url");
    return new DatabaseTarget(ConnectionUrl.parse(url), null);
  }

  /** A target whose connections come from {@code dataSource} (a pool, a test container …). */
  public static DatabaseTarget of(DataSource dataSource) {
    return new DatabaseTarget(null, Objects.requireNonNull(dataSource, "dataSource"));
  }

  /** The target named by {@value #ENVIRONMENT_VARIABLE}, empty when it is unset or blank. */
  public static Optional<DatabaseTarget> fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** The target named by {@value #ENVIRONMENT_VARIABLE} in {@code environment}. */
  public static Optional<DatabaseTarget> fromEnvironment(Map<String, String> environment) {
    String value = environment.get(ENVIRONMENT_VARIABLE);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(of(value));
  }

  /** What this target is, safe to print: the URL with its password replaced by {@code ***}. */
  public String description() {
    return url != null ? url.redacted() : "DataSource " + dataSource.getClass().getName();
  }

  /**
   * A new connection; the caller closes it.
   *
   * @throws DatabaseUnavailableException when the server cannot be reached or refuses the login
   */
  public Connection connect() {
    try {
      if (dataSource != null) {
        return dataSource.getConnection();
      }
      Properties properties = new Properties();
      properties.putAll(url.properties());
      properties.putIfAbsent("ApplicationName", "migration-safety");
      if (!url.jdbcUrl().toLowerCase(java.util.Locale.ROOT).contains("connecttimeout=")) {
        properties.putIfAbsent("connectTimeout", CONNECT_TIMEOUT_SECONDS);
      }
      // The driver directly, not DriverManager's lookup: an application class loader may hide it.
      Connection connection = new org.postgresql.Driver().connect(url.jdbcUrl(), properties);
      if (connection == null) {
        throw new SQLException("the PostgreSQL driver does not accept this URL");
      }
      return connection;
    } catch (SQLException | RuntimeException e) {
      throw unavailable(e);
    }
  }

  /**
   * Connects, checks that the role cannot write ({@link ReadOnlyGuard}), and reads the schema
   * ({@link SchemaIntrospector}), all in one read-only transaction that is rolled back.
   *
   * @param allowWritable read even through a role that can write; the returned check then
   *     carries the warning to print
   * @throws WritableConnectionException when the role can write and {@code allowWritable} is false
   * @throws DatabaseUnavailableException when the server cannot be reached or a query fails
   */
  public IntrospectedSchema read(boolean allowWritable) {
    try (Connection connection = connect()) {
      return SchemaIntrospector.read(connection, allowWritable);
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  /**
   * Reads which migrations of {@code set} have run, with the format's history reader, in a
   * read-only transaction on a role checked like {@link #read(boolean)} checks it.
   *
   * @return {@code set} with the history it read
   * @throws WritableConnectionException when the role can write and {@code allowWritable} is false
   * @throws DatabaseUnavailableException when the server cannot be reached or a query fails
   */
  public MigrationSet readHistory(MigrationSet set, AppliedStateReader reader, boolean allowWritable) {
    try (Connection connection = connect()) {
      return set.withApplied(ReadOnlyTransaction.run(connection, "reading the migration history", () -> {
        ReadOnlyGuard.check(connection, allowWritable);
        return reader.read(connection, set);
      }));
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  private DatabaseUnavailableException unavailable(Exception e) {
    String where = url != null ? "database " + quoted(url.database()) + " on " + url.host() : description();
    String reason = ConnectionUrl.scrub(e.getMessage(), url == null ? null : url.password());
    return new DatabaseUnavailableException("cannot read " + where + " (" + description() + "): " + reason,
        // The driver's own exception is dropped when it could quote the password back.
        url != null && url.password() != null && String.valueOf(e.getMessage()).contains(url.password()) ? null : e);
  }

  private static String quoted(String database) {
    return database.isEmpty() ? "(the user's default)" : "\"" + database + "\"";
  }

  @Override
  public String toString() {
    return "DatabaseTarget[" + description() + "]";
  }

  // For tests: the JDBC URL the driver is given, and the user and password properties.
  String jdbcUrl() {
    return url == null ? null : url.jdbcUrl();
  }

  Properties properties() {
    return url == null ? new Properties() : url.properties();
  }
}
