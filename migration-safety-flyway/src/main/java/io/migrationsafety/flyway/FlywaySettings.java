package io.migrationsafety.flyway;

import java.net.URI;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/** Values derived from a Flyway {@link Configuration} the way Flyway derives them. */
final class FlywaySettings {

  private FlywaySettings() {}

  /** The schema Flyway works in: {@code defaultSchema}, else the first of {@code schemas}, else {@code public}. */
  static String defaultSchema(Configuration configuration) {
    if (configuration.getDefaultSchema() != null) {
      return configuration.getDefaultSchema();
    }
    String[] schemas = configuration.getSchemas();
    return schemas.length > 0 ? schemas[0] : "public";
  }

  /** Whether the migration set names its schema explicitly, so that the history's schema is known offline. */
  static boolean schemaConfigured(Configuration configuration) {
    return configuration.getDefaultSchema() != null || configuration.getSchemas().length > 0;
  }

  /** The database named by the JDBC URL, else {@code current_database}. */
  static String database(Configuration configuration) {
    String url = configuration.getUrl();
    if (url != null && url.startsWith("jdbc:postgresql://")) {
      String path = URI.create(url.substring("jdbc:".length())).getPath();
      if (path != null && path.length() > 1) {
        return path.substring(1);
      }
    }
    return "current_database";
  }

  /** The name of the configured environment, as {@code ${flyway:environment}} gives it. */
  static String environment(Configuration configuration) {
    String name = configuration.getCurrentEnvironmentName();
    return name == null ? "default" : name;
  }

  /**
   * Whether Flyway takes its PostgreSQL advisory lock inside a transaction
   * ({@code postgresql.transactional.lock}, on by default). With it on, a {@code CREATE INDEX
   * CONCURRENTLY} waits for Flyway's own lock-holding transaction and the migration hangs.
   */
  static boolean transactionalLock(Configuration configuration) {
    PostgreSQLConfigurationExtension extension =
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class);
    return extension == null || extension.isTransactionalLock();
  }
}
