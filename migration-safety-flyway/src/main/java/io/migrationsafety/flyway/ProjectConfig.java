package io.migrationsafety.flyway;

import io.migrationsafety.format.MigrationFormatException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The Flyway configuration of a project directory: its {@code flyway.conf} (Flyway's properties
 * format) or the {@code [flyway]} part of its {@code flyway.toml}, handed to Flyway's own
 * {@link FluentConfiguration}, so that every default and every key means what it means to Flyway.
 *
 * <p>Of TOML, the plain forms Flyway's documentation uses are read: {@code key = "text"}, numbers,
 * booleans, arrays of strings, and the {@code [flyway.placeholders]} and
 * {@code [flyway.postgresql.transactional]} tables. Anything else under {@code [flyway…]} is an
 * error naming its line, rather than a setting silently dropped.
 */
final class ProjectConfig {

  static final String CONF = "flyway.conf";
  static final String TOML = "flyway.toml";

  /**
   * A project's configuration.
   *
   * @param configuration Flyway's reading of it
   * @param locationsGiven whether it names its locations (otherwise the directory itself is read)
   */
  record Loaded(Configuration configuration, boolean locationsGiven) {}

  private ProjectConfig() {}

  /** Whether {@code directory} holds a Flyway configuration file. */
  static boolean present(Path directory) {
    return Files.isRegularFile(directory.resolve(CONF)) || Files.isRegularFile(directory.resolve(TOML));
  }

  /** The configuration in {@code directory}, or Flyway's defaults when it has none. */
  static Loaded load(Path directory) {
    Map<String, String> properties = new HashMap<>();
    Path conf = directory.resolve(CONF);
    Path toml = directory.resolve(TOML);
    if (Files.isRegularFile(conf)) {
      properties.putAll(properties(conf));
    } else if (Files.isRegularFile(toml)) {
      properties.putAll(toml(toml));
    }
    try {
      FluentConfiguration configuration = new FluentConfiguration(ProjectConfig.class.getClassLoader())
          .configuration(properties);
      return new Loaded(configuration, properties.containsKey("flyway.locations"));
    } catch (FlywayException e) {
      throw new MigrationFormatException(directory + ": invalid Flyway configuration: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> properties(Path file) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException | IllegalArgumentException e) {
      throw new MigrationFormatException(file + ": cannot read: " + e.getMessage(), e);
    }
    Map<String, String> map = new HashMap<>();
    properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
    return map;
  }

  private static Map<String, String> toml(Path file) {
    Map<String, String> map = new HashMap<>();
    String table = "";
    int number = 0;
    try {
      for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        number++;
        String line = withoutComment(raw).strip();
        if (line.isEmpty()) {
          continue;
        }
        if (line.startsWith("[")) {
          table = line.replaceAll("^\\[+|\\]+$", "").strip();
          continue;
        }
        if (!(table.equals("flyway") || table.startsWith("flyway."))) {
          continue;
        }
        int eq = line.indexOf('=');
        if (eq < 0) {
          throw new MigrationFormatException(file + ":" + number + ": expected key = value");
        }
        String key = unquote(line.substring(0, eq).strip());
        String value = value(line.substring(eq + 1).strip(), file, number);
        map.put(table + "." + key, value);
      }
    } catch (IOException e) {
      throw new MigrationFormatException(file + ": cannot read: " + e.getMessage(), e);
    }
    return map;
  }

  private static String value(String text, Path file, int line) {
    if (text.startsWith("[") && text.endsWith("]")) {
      String inner = text.substring(1, text.length() - 1).strip();
      StringBuilder joined = new StringBuilder();
      for (String item : inner.isEmpty() ? new String[0] : inner.split(",")) {
        if (!item.isBlank()) {
          joined.append(joined.length() == 0 ? "" : ",").append(scalar(item.strip(), file, line));
        }
      }
      return joined.toString();
    }
    return scalar(text, file, line);
  }

  private static String scalar(String text, Path file, int line) {
    if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"") || text.startsWith("'") && text.endsWith("'"))) {
      return text.substring(1, text.length() - 1);
    }
    if (text.matches("true|false|-?\\d+")) {
      return text;
    }
    throw new MigrationFormatException(file + ":" + line + ": a value this review does not read: " + text);
  }

  private static String unquote(String key) {
    return key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"") ? key.substring(1, key.length() - 1) : key;
  }

  private static String withoutComment(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '#' && !quoted) {
        return line.substring(0, i);
      }
    }
    return line;
  }
}
