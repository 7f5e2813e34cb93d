package io.migrationsafety.format.sql;

import io.migrationsafety.format.MigrationFormatException;
import io.migrationsafety.format.MigrationVersion;
import io.migrationsafety.format.NaturalOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Listing the entries of a migration directory, without following it down. */
final class ScriptFiles {

  private ScriptFiles() {}

  /**
   * The files directly in {@code directory} whose names pass {@code filter}, in natural order.
   * Anything that is not a directory counts, broken links included: a migration that cannot be
   * read must fail the review, not vanish from it.
   */
  static List<Path> files(Path directory, Predicate<String> filter) {
    return entries(directory, p -> !Files.isDirectory(p) && filter.test(p.getFileName().toString()));
  }

  /** The sub-directories directly in {@code directory}, in natural order. */
  static List<Path> directories(Path directory) {
    return entries(directory, p -> Files.isDirectory(p) && !p.getFileName().toString().startsWith("."));
  }

  private static List<Path> entries(Path directory, Predicate<Path> filter) {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.filter(filter)
          .sorted(Comparator.comparing(p -> p.getFileName().toString(), NaturalOrder.INSTANCE))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new MigrationFormatException("cannot read " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * Records that {@code file} has {@code version}; fails when another file already has it.
   */
  static void claimVersion(Map<MigrationVersion, Path> seen, MigrationVersion version, Path file) {
    Path other = seen.put(version, file);
    if (other != null) {
      throw new MigrationFormatException(file + ": has the same version (" + version + ") as " + other.getFileName());
    }
  }

  /** The part of a file name after its version and separators, without its suffix. */
  static String description(String name, String versionText, String suffix) {
    int start = name.indexOf(versionText) + versionText.length();
    String rest = name.substring(start, name.length() - suffix.length());
    return rest.replaceFirst("^[_\\-.]+", "");
  }
}
