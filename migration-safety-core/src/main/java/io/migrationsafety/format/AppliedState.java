package io.migrationsafety.format;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a migration tool's history says about a {@link MigrationSet}: which of its migrations have
 * already run on the database, and what is wrong with that history (a failed run, a file changed
 * after it was applied…). Read by an {@link AppliedStateReader} over a read-only connection.
 *
 * @param source where the history was read from ({@code public.flyway_schema_history}), or empty
 *     when none was read
 * @param applied the ids of the set's migrations that have run and need no review
 * @param problems what is wrong with the history, in the order found
 */
public record AppliedState(String source, Set<String> applied, List<HistoryProblem> problems) {

  private static final AppliedState NONE = new AppliedState("", Set.of(), List.of());

  public AppliedState {
    Objects.requireNonNull(source, "source");
    applied = Set.copyOf(applied);
    problems = List.copyOf(problems);
  }

  /** No history was read: every migration is pending. */
  public static AppliedState none() {
    return NONE;
  }

  /** Whether a history was read at all. */
  public boolean known() {
    return !source.isEmpty();
  }

  /** Whether the migration with this id has already run. */
  public boolean isApplied(String migrationId) {
    return applied.contains(migrationId);
  }
}
