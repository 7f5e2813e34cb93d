package io.migrationsafety.suppression;

import java.util.List;

/**
 * The suppression comments of one statement.
 *
 * @param suppressions the well-formed ones, in source order; those of scope
 *     {@link Suppression.Scope#FILE} only ever come from the first statement's leading comments
 * @param problems the malformed ones, in source order
 */
public record Suppressions(List<Suppression> suppressions, List<SuppressionProblem> problems) {

  private static final Suppressions NONE = new Suppressions(List.of(), List.of());

  public Suppressions {
    suppressions = List.copyOf(suppressions);
    problems = List.copyOf(problems);
  }

  /** No suppressions and no problems. */
  public static Suppressions none() {
    return NONE;
  }

  /** Whether there is nothing at all. */
  public boolean isEmpty() {
    return suppressions.isEmpty() && problems.isEmpty();
  }
}
