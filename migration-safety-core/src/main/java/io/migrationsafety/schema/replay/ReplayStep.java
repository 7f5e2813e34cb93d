package io.migrationsafety.schema.replay;

import io.migrationsafety.schema.Schema;
import java.util.List;
import java.util.Objects;

/**
 * The result of replaying one operation.
 *
 * @param after the schema after the operation; when PostgreSQL would have raised an error, the
 *     schema before it, unchanged (the statement fails and changes nothing)
 * @param problems what PostgreSQL would have refused, as sentences a user reads and naming the
 *     object ({@code column "email" of table public.users does not exist}); empty when the
 *     operation applies cleanly, and also when {@code IF EXISTS} / {@code IF NOT EXISTS} make
 *     PostgreSQL skip it with a notice
 */
public record ReplayStep(Schema after, List<String> problems) {

  public ReplayStep {
    Objects.requireNonNull(after, "after");
    problems = List.copyOf(problems);
  }

  static ReplayStep ok(Schema after) {
    return new ReplayStep(after, List.of());
  }

  static ReplayStep failed(Schema unchanged, String problem) {
    return new ReplayStep(unchanged, List.of(problem));
  }

  /**
   * The problems that say something the statement needs does not exist. On a schema that stands
   * in for an unknown database, these say more about the stand-in than about the migration.
   */
  public List<String> missingObjects() {
    return problems.stream().filter(Problems::isMissing).toList();
  }

  /** Whether the operation applied without a problem. */
  public boolean isClean() {
    return problems.isEmpty();
  }
}
