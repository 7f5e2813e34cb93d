package io.migrationsafety.estimate;

import java.util.List;
import java.util.Objects;

/**
 * The estimate of one statement of a migration.
 *
 * @param line the statement's first line
 * @param column the statement's first column
 * @param estimate how long it runs
 * @param holds how long it holds each lock it takes, one per relation
 */
public record StatementEstimate(int line, int column, Estimate estimate, List<LockHold> holds) {

  public StatementEstimate {
    Objects.requireNonNull(estimate, "estimate");
    holds = List.copyOf(holds);
  }

  /**
   * The longest hold of a lock that blocks reads or writes: {@code 0} when it takes none,
   * {@code null} when such a hold has no estimate.
   */
  public Long lockMs() {
    long longest = 0;
    for (LockHold hold : holds) {
      if (hold.mode().blocksReads() || hold.mode().blocksWrites()) {
        if (hold.lockMs() == null) {
          return null;
        }
        longest = Math.max(longest, hold.lockMs());
      }
    }
    return longest;
  }
}
