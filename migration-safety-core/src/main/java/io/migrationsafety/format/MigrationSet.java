package io.migrationsafety.format;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The migrations of one directory, in the order they run.
 *
 * @param format the name of the format that read them ({@code plain-sql}, {@code flyway} …)
 * @param directory the directory they were read from
 * @param migrations the migrations, in order; ids are unique
 */
public record MigrationSet(String format, Path directory, List<Migration> migrations) {

  public MigrationSet {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(directory, "directory");
    migrations = List.copyOf(migrations);
    Set<String> ids = new HashSet<>();
    for (Migration m : migrations) {
      if (!ids.add(m.id())) {
        throw new MigrationFormatException(directory + ": two migrations have the id " + m.id());
      }
    }
  }
}
