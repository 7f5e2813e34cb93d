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
 * @param applied what the database's history says of them; {@link AppliedState#none()} when no
 *     history was read, so that every migration is pending
 */
public record MigrationSet(String format, Path directory, List<Migration> migrations, AppliedState applied) {

  public MigrationSet {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(applied, "applied");
    migrations = List.copyOf(migrations);
    Set<String> ids = new HashSet<>();
    for (Migration m : migrations) {
      if (!ids.add(m.id())) {
        throw new MigrationFormatException(directory + ": two migrations have the id " + m.id());
      }
    }
    for (String id : applied.applied()) {
      if (!ids.contains(id)) {
        throw new IllegalArgumentException("the history marks '" + id + "' applied, but the set has no such migration");
      }
    }
  }

  /** A set as its format read it, before any history: every migration is pending. */
  public MigrationSet(String format, Path directory, List<Migration> migrations) {
    this(format, directory, migrations, AppliedState.none());
  }

  /** This set with what a database's history says of it. */
  public MigrationSet withApplied(AppliedState state) {
    return new MigrationSet(format, directory, migrations, state);
  }

  /** The migrations that have not run yet, in order: all of them when no history was read. */
  public List<Migration> pending() {
    return migrations.stream().filter(m -> !applied.isApplied(m.id())).toList();
  }
}
