package io.migrationsafety.estimate;

import java.util.List;
import java.util.Optional;

/**
 * The estimate of one migration.
 *
 * @param durationMs how long all its statements run, or {@code null} when one has no estimate
 * @param lockMs the longest time it holds a lock that blocks reads or writes on a relation
 *     ({@code 0} when it takes none), or {@code null} when such a hold has no estimate
 * @param upperBound whether the figures are ceilings (a statement may touch fewer rows)
 * @param statements the estimate of each statement, in order
 */
public record MigrationEstimate(Long durationMs, Long lockMs, boolean upperBound, List<StatementEstimate> statements) {

  private static final MigrationEstimate NONE = new MigrationEstimate(0L, 0L, false, List.of());

  public MigrationEstimate {
    statements = List.copyOf(statements);
  }

  /** The estimate of a migration without statements. */
  public static MigrationEstimate none() {
    return NONE;
  }

  /** The statement that starts at this line and column. */
  public Optional<StatementEstimate> at(int line, int column) {
    return statements.stream().filter(s -> s.line() == line && s.column() == column).findFirst();
  }
}
