package io.migrationsafety.format;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * @param unreviewable the migrations of the set whose text is not SQL the review can read (a
 *     Flyway Java migration), by id, with the reason: they stay in the order and the history, and
 *     the rule {@code unreviewable-migration} reports the pending ones, so none passes as safe
 */
public record MigrationSet(String format, Path directory, List<Migration> migrations, AppliedState applied,
    Map<String, String> unreviewable) {

  public MigrationSet {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(applied, "applied");
    migrations = List.copyOf(migrations);
    unreviewable = Map.copyOf(unreviewable);
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
    for (String id : unreviewable.keySet()) {
      if (!ids.contains(id)) {
        throw new IllegalArgumentException("'" + id + "' is marked unreviewable, but the set has no such migration");
      }
    }
  }

  /** A set with this history, every migration of which the review can read. */
  public MigrationSet(String format, Path directory, List<Migration> migrations, AppliedState applied) {
    this(format, directory, migrations, applied, Map.of());
  }

  /** A set as its format read it, before any history: every migration is pending. */
  public MigrationSet(String format, Path directory, List<Migration> migrations) {
    this(format, directory, migrations, AppliedState.none());
  }

  /** This set with what a database's history says of it. */
  public MigrationSet withApplied(AppliedState state) {
    return new MigrationSet(format, directory, migrations, state, unreviewable);
  }

  /** The migrations that have not run yet, in order: all of them when no history was read. */
  public List<Migration> pending() {
    return migrations.stream().filter(m -> !applied.isApplied(m.id())).toList();
  }
}
