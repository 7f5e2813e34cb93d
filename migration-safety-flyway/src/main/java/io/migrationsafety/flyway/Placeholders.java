package io.migrationsafety.flyway;

import io.migrationsafety.format.MigrationFormatException;
import io.migrationsafety.sql.SourcePosition;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * Flyway's placeholder replacement: {@code ${key}} (prefix and suffix configurable) replaced by the
 * configured value, keys matched ignoring case, anywhere in the script (comments and strings too,
 * as Flyway replaces while reading, before parsing). Flyway's own placeholders
 * ({@code ${flyway:defaultSchema}} …) are defined as Flyway defines them, from the configuration;
 * a placeholder with no value is an error naming the file and line, as it is for Flyway.
 */
final class Placeholders {

  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final String prefix;
  private final String suffix;
  private final Map<String, String> values;

  private Placeholders(String prefix, String suffix, Map<String, String> values) {
    this.prefix = prefix;
    this.suffix = suffix;
    this.values = values;
  }

  /**
   * The placeholders of {@code configuration} for one script.
   *
   * <p>Offline, Flyway's connection-bound values are taken from the configuration: the user from
   * {@code user} (else {@code current_user}, which PostgreSQL accepts wherever a role name goes),
   * the database from the URL (else {@code current_database}), the default schema from
   * {@code defaultSchema}, the first of {@code schemas}, else {@code public}.
   */
  static Placeholders of(Configuration configuration, String fileName) {
    Map<String, String> values = new HashMap<>();
    String flyway = "flyway" + configuration.getPlaceholderSeparator();
    values.put(key(flyway + "defaultSchema"), FlywaySettings.defaultSchema(configuration));
    values.put(key(flyway + "user"), configuration.getUser() != null ? configuration.getUser() : "current_user");
    values.put(key(flyway + "database"), FlywaySettings.database(configuration));
    values.put(key(flyway + "timestamp"), LocalDateTime.now().format(TIMESTAMP));
    values.put(key(flyway + "filename"), fileName);
    values.put(key(flyway + "workingDirectory"), System.getProperty("user.dir"));
    values.put(key(flyway + "table"), configuration.getTable());
    values.put(key(flyway + "environment"), FlywaySettings.environment(configuration));
    configuration.getPlaceholders().forEach((k, v) -> values.put(key(k), v));
    return new Placeholders(configuration.getPlaceholderPrefix(), configuration.getPlaceholderSuffix(), values);
  }

  /**
   * {@code script} with its placeholders replaced.
   *
   * @throws MigrationFormatException when a placeholder has no value
   */
  String replace(String script, String file) {
    StringBuilder out = new StringBuilder(script.length());
    int from = 0;
    while (true) {
      int start = script.indexOf(prefix, from);
      int end = start < 0 ? -1 : script.indexOf(suffix, start + prefix.length());
      if (end < 0) {
        out.append(script, from, script.length());
        return out.toString();
      }
      String name = script.substring(start + prefix.length(), end);
      String value = values.get(key(name));
      if (value == null) {
        int line = SourcePosition.START.advance(script.substring(0, start)).line();
        throw new MigrationFormatException(file + ":" + line + ": no value for the Flyway placeholder " + prefix + name
            + suffix + "; define it in the configuration (placeholders." + name
            + "), or turn placeholder replacement off for this script");
      }
      out.append(script, from, start).append(value);
      from = end + suffix.length();
    }
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
