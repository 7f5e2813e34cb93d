package io.migrationsafety.drift;

import java.util.List;
import java.util.Objects;

/**
 * The result of comparing a schema with what it is expected to be.
 *
 * @param actual what was checked, in words ({@code database jdbc:postgresql://db/app})
 * @param expected what it was compared against ({@code the 12 applied migrations in db/migration})
 * @param differences every difference, in a stable order: schemas, extensions, tables (with their
 *     columns and constraints), indexes, types, sequences, views
 * @param notComparable why the comparison was not possible (the replayed migrations hold a
 *     statement that was not understood, say); empty when it was made. When not empty,
 *     {@code differences} is empty: a model that cannot be trusted says nothing about drift
 */
public record DriftReport(String actual, String expected, List<Difference> differences, List<String> notComparable) {

  public DriftReport {
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(expected, "expected");
    differences = List.copyOf(differences);
    notComparable = List.copyOf(notComparable);
    if (!notComparable.isEmpty() && !differences.isEmpty()) {
      throw new IllegalArgumentException("a comparison that was not possible has no differences");
    }
  }

  /** Whether the comparison was made. */
  public boolean comparable() {
    return notComparable.isEmpty();
  }

  /** Whether the comparison was made and found a difference. */
  public boolean drifted() {
    return !differences.isEmpty();
  }

  /** Every difference in words, one per line. */
  public List<String> messages() {
    return differences.stream().map(d -> d.describe(actual, expected)).toList();
  }

  /** The report as text a person reads, ending with a line break. */
  public String text() {
    StringBuilder out = new StringBuilder();
    if (!comparable()) {
      out.append("Cannot compare ").append(actual).append(" with ").append(expected).append(":\n");
      notComparable.forEach(r -> out.append("  - ").append(r).append('\n'));
      return out.toString();
    }
    if (differences.isEmpty()) {
      return "No drift: " + actual + " matches " + expected + ".\n";
    }
    out.append("Drift: ").append(actual).append(" differs from ").append(expected).append(" in ")
        .append(differences.size()).append(differences.size() == 1 ? " way" : " ways").append(":\n");
    messages().forEach(m -> out.append("  - ").append(m).append('\n'));
    return out.toString();
  }
}
