package io.migrationsafety.rules.convention;

import io.migrationsafety.format.Migration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a convention finding proposes: a migration's file name corrected to the team's
 * pattern and version prefix, and the name of the rollback script its format looks for.
 */
final class MigrationFileNames {

  /** A leading version: optional letters (Flyway's V), digits, then the separator before the description. */
  private static final Pattern VERSIONED = Pattern.compile("^([A-Za-z]?)(\\d+)([_.\\-]+)");
  private static final Pattern FLYWAY = Pattern.compile("^V(\\d[\\w.]*__.*)$");

  private MigrationFileNames() {}

  /**
   * The file name corrected: with a version after the nearest earlier versioned migration's when
   * {@code needsVersion}, its description in lower case with words joined by underscores, as long as
   * the result matches {@code pattern} (when there is one); empty when no such name is found.
   */
  static Optional<String> corrected(String name, Pattern pattern, boolean needsVersion, List<Migration> all,
      Migration self) {
    List<String> candidates = new ArrayList<>();
    String base = needsVersion ? nextVersionPrefix(all, self) + name : name;
    candidates.add(base);
    candidates.add(tidy(base, false));
    candidates.add(tidy(base, true));
    for (String candidate : candidates) {
      boolean fits = pattern == null || pattern.matcher(candidate).matches();
      boolean versioned = !needsVersion || VERSIONED.matcher(candidate).find();
      if (fits && versioned && !candidate.equals(name)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * The name with its description in lower case and its words joined by underscores; the version
   * prefix (and its letter) and the extension stay as they are.
   */
  private static String tidy(String name, boolean keepDashes) {
    int dot = name.lastIndexOf('.');
    String stem = dot < 0 ? name : name.substring(0, dot);
    String extension = dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    Matcher version = VERSIONED.matcher(stem);
    String prefix = version.find() ? version.group() : "";
    String words = stem.substring(prefix.length()).toLowerCase(Locale.ROOT)
        .replaceAll(keepDashes ? "[\\s_]+" : "[\\s\\-_]+", "_").replaceAll("[^a-z0-9_\\-]", "");
    return prefix + words + extension;
  }

  /** The version prefix the migration after {@code self}'s versioned predecessor would have: {@code V13__}. */
  private static String nextVersionPrefix(List<Migration> all, Migration self) {
    String previous = null;
    for (Migration m : all) {
      if (m == self) {
        break;
      }
      String file = m.file().getFileName().toString();
      if (VERSIONED.matcher(file).find()) {
        previous = file;
      }
    }
    if (previous == null) {
      return "1_";
    }
    Matcher m = VERSIONED.matcher(previous);
    m.find();
    String digits = m.group(2);
    String next = String.valueOf(Long.parseLong(digits) + 1);
    String padded = "0".repeat(Math.max(0, digits.length() - next.length())) + next;
    return m.group(1) + padded + m.group(3);
  }

  /**
   * Where the migration's format looks for its rollback, by the shape of its forward file: a file
   * name, or what to add to the same file when the format keeps both directions in one.
   */
  static String rollbackOf(String format, String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    String dir = file.substring(0, file.length() - name.length());
    Matcher flyway = FLYWAY.matcher(name);
    if (format.equals("dbmate")) {
      return "a '-- migrate:down' section at the end of " + file;
    }
    if (name.endsWith(".py")) {
      return "the body of downgrade() in " + file;
    }
    if (name.endsWith(".up.sql")) {
      return dir + name.substring(0, name.length() - ".up.sql".length()) + ".down.sql";
    }
    if (name.equals("up.sql") || name.equals("migration.sql")) {
      return dir + "down.sql";
    }
    if (flyway.matches()) {
      return dir + "U" + flyway.group(1);
    }
    String stem = name.endsWith(".sql") ? name.substring(0, name.length() - 4) : name;
    return dir + stem + ".down.sql (with " + stem + ".up.sql as the forward script: plain SQL files have no "
        + "rollback, the up/down layout does)";
  }
}
