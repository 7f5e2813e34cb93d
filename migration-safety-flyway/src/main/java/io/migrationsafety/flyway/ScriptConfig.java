package io.migrationsafety.flyway;

import io.migrationsafety.format.MigrationFormatException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;

/**
 * A script's own configuration, Flyway's {@code <script>.conf} beside it ({@code V2__x.sql.conf}):
 * {@code executeInTransaction}, {@code placeholderReplacement} and {@code encoding} override the
 * project's settings for that script. Any other key is an error, as for Flyway (its Teams-only
 * {@code shouldExecute} included: this review cannot tell whether the script would run).
 *
 * @param executeInTransaction the override, or {@code null}
 * @param placeholderReplacement the override, or {@code null}
 * @param encoding the override, or {@code null}
 */
record ScriptConfig(Boolean executeInTransaction, Boolean placeholderReplacement, Charset encoding) {

  static final ScriptConfig NONE = new ScriptConfig(null, null, null);

  private static final Set<String> KEYS = Set.of("executeInTransaction", "placeholderReplacement", "encoding");

  /** Reads the text of a {@code .conf} file; {@code file} names it in errors. */
  static ScriptConfig parse(byte[] bytes, String file) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
    } catch (IOException | IllegalArgumentException e) {
      throw new MigrationFormatException(file + ": not a script configuration: " + e.getMessage(), e);
    }
    for (String key : properties.stringPropertyNames()) {
      if (!KEYS.contains(key)) {
        throw new MigrationFormatException(file + ": unknown script configuration key '" + key + "' (known: "
            + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
      }
    }
    String encoding = properties.getProperty("encoding");
    try {
      return new ScriptConfig(bool(properties, "executeInTransaction", file), bool(properties, "placeholderReplacement", file),
          encoding == null ? null : Charset.forName(encoding.strip()));
    } catch (IllegalArgumentException e) {
      throw new MigrationFormatException(file + ": unknown encoding '" + encoding + "'", e);
    }
  }

  private static Boolean bool(Properties properties, String key, String file) {
    String value = properties.getProperty(key);
    if (value == null) {
      return null;
    }
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new MigrationFormatException(file + ": " + key + " must be true or false, not '" + value + "'");
    };
  }
}
