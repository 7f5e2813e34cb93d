package io.migrationsafety.flyway;

import io.migrationsafety.format.MigrationFormatException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * A script name read as Flyway reads it: {@code <prefix><version><separator><description><suffix>}.
 * The suffix is matched ignoring case, the longest matching prefix wins, the name is split at the
 * first separator and the description's {@code _} become spaces.
 *
 * @param kind versioned, undo or repeatable
 * @param version the version (Flyway's own value, so that order and equality are Flyway's), or
 *     {@code null} for a repeatable
 * @param versionText the version as written in the name, empty for a repeatable
 * @param description the description as Flyway records it
 * @param stem the name without its suffix
 */
record ScriptName(Kind kind, MigrationVersion version, String versionText, String description, String stem) {

  /** What a script is to Flyway. */
  enum Kind { VERSIONED, UNDO, REPEATABLE }

  /** Flyway's prefix for undo scripts (a Teams feature; read as rollbacks of the versioned scripts). */
  static final String UNDO_PREFIX = "U";

  /**
   * The script name {@code fileName} stands for, or {@code null} when Flyway does not take the file
   * for a SQL migration: another suffix, no known prefix, or — as Flyway ignores them too — a name
   * with a migration's prefix and suffix that is not valid ({@code Vacuum__x.sql}, {@code V1_x.sql}).
   *
   * @throws MigrationFormatException for such an invalid name when {@code validateMigrationNaming}
   *     is on, as Flyway then refuses it
   */
  static ScriptName parse(String fileName, Configuration configuration) {
    String stem = stripSuffix(fileName, configuration.getSqlMigrationSuffixes());
    if (stem == null) {
      return null;
    }
    record Prefix(String text, Kind kind) {}
    List<Prefix> prefixes = new java.util.ArrayList<>(List.of(
        new Prefix(configuration.getSqlMigrationPrefix(), Kind.VERSIONED),
        new Prefix(UNDO_PREFIX, Kind.UNDO),
        new Prefix(configuration.getRepeatableSqlMigrationPrefix(), Kind.REPEATABLE)));
    prefixes.sort(Comparator.comparingInt((Prefix p) -> p.text().length()).reversed());
    for (Prefix prefix : prefixes) {
      if (prefix.text().isEmpty() || !stem.startsWith(prefix.text())) {
        continue;
      }
      String rest = stem.substring(prefix.text().length());
      String separator = configuration.getSqlMigrationSeparator();
      int at = rest.indexOf(separator);
      if (at < 0) {
        return invalid(fileName, "no " + separator + " after the prefix", configuration);
      }
      String versionText = rest.substring(0, at);
      String description = rest.substring(at + separator.length()).replace("_", " ");
      boolean versioned = prefix.kind() != Kind.REPEATABLE;
      if (versioned == versionText.isEmpty()) {
        return invalid(fileName, versioned ? "no version" : "a repeatable script has no version", configuration);
      }
      MigrationVersion version = null;
      if (versioned) {
        try {
          version = MigrationVersion.fromVersion(versionText);
        } catch (FlywayException e) {
          return invalid(fileName, "'" + versionText + "' is not a version (" + e.getMessage() + ")", configuration);
        }
      }
      return new ScriptName(prefix.kind(), version, versionText, description, stem);
    }
    return null;
  }

  private static ScriptName invalid(String fileName, String why, Configuration configuration) {
    if (configuration.isValidateMigrationNaming()) {
      throw new MigrationFormatException(fileName + ": not a valid Flyway migration name: " + why
          + " (validateMigrationNaming is on, so Flyway refuses it)");
    }
    return null;
  }

  private static String stripSuffix(String fileName, String[] suffixes) {
    String upper = fileName.toUpperCase(Locale.ROOT);
    for (String suffix : suffixes) {
      if (upper.endsWith(suffix.toUpperCase(Locale.ROOT))) {
        return fileName.substring(0, fileName.length() - suffix.length());
      }
    }
    return null;
  }
}
