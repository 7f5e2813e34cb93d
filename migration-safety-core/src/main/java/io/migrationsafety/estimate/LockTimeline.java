package io.migrationsafety.estimate;

import io.migrationsafety.lock.LockEffect;
import io.migrationsafety.lock.LockMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up how long locks are held across the statements of one migration. PostgreSQL releases a
 * table lock only when the transaction that took it ends, so a lock taken inside a transaction is
 * held for that statement and every later one until COMMIT; outside a transaction, a statement
 * holds its locks only while it runs. Separate transactions do not add up.
 *
 * <pre>{@code
 * LockTimeline timeline = new LockTimeline();
 * timeline.statement(estimateOfAlter, locksOfAlter, true);   // inside the migration's transaction
 * timeline.statement(estimateOfUpdate, locksOfUpdate, true);
 * timeline.endTransaction();                                 // COMMIT, or the end of the file
 * timeline.holds(0);   // the ALTER's ACCESS EXCLUSIVE, held for both statements
 * }</pre>
 *
 * Not thread-safe: one per migration.
 */
public final class LockTimeline {

  private final List<Estimate> estimates = new ArrayList<>();
  private final List<List<LockEffect>> locks = new ArrayList<>();
  private final List<List<LockHold>> holds = new ArrayList<>();
  /** The index of the first statement of the open transaction, or -1. */
  private int openFrom = -1;

  /**
   * Records the next statement.
   *
   * @param estimate how long it runs
   * @param effects the locks it takes
   * @param inTransaction whether it runs inside a transaction block that a later COMMIT (or the end
   *     of a transactional migration) ends
   * @return the statement's index, for {@link #holds(int)}
   */
  public int statement(Estimate estimate, List<LockEffect> effects, boolean inTransaction) {
    int index = estimates.size();
    estimates.add(estimate);
    locks.add(List.copyOf(effects));
    holds.add(null);
    if (inTransaction) {
      if (openFrom < 0) {
        openFrom = index;
      }
    } else {
      endTransaction();
      holds.set(index, holdsFrom(index, index));
    }
    return index;
  }

  /** The open transaction ends here (COMMIT, ROLLBACK, or the end of a transactional migration). */
  public void endTransaction() {
    if (openFrom < 0) {
      return;
    }
    int last = estimates.size() - 1;
    for (int i = openFrom; i <= last; i++) {
      holds.set(i, holdsFrom(i, last));
    }
    openFrom = -1;
  }

  /**
   * How long each lock of statement {@code index} is held, one per relation with its mode. Ends the
   * open transaction first if the statement is in it and nothing ended it yet.
   */
  public List<LockHold> holds(int index) {
    if (holds.get(index) == null) {
      endTransaction();
    }
    return holds.get(index);
  }

  /** The estimate of statement {@code index}. */
  public Estimate estimate(int index) {
    return estimates.get(index);
  }

  /** The whole migration's duration: the sum of its statements', or {@code null} when one is unknown. */
  public Long durationMs() {
    long total = 0;
    for (Estimate e : estimates) {
      if (!e.known()) {
        return null;
      }
      total += e.durationMs();
    }
    return total;
  }

  /** Whether any statement's duration is only a ceiling. */
  public boolean upperBound() {
    return estimates.stream().anyMatch(Estimate::upperBound);
  }

  /**
   * The longest time a lock that blocks reads or writes is held on a relation, over the whole
   * migration: {@code 0} when it takes none, {@code null} when such a hold has no estimate.
   */
  public Long lockMs() {
    endTransaction();
    long longest = 0;
    for (List<LockHold> statement : holds) {
      for (LockHold hold : statement) {
        if (!hold.mode().blocksWrites() && !hold.mode().blocksReads()) {
          continue;
        }
        if (hold.lockMs() == null) {
          return null;
        }
        longest = Math.max(longest, hold.lockMs());
      }
    }
    return longest;
  }

  /** Holds of statement {@code from}'s locks until statement {@code to} has run. */
  private List<LockHold> holdsFrom(int from, int to) {
    Long total = 0L;
    boolean ceiling = false;
    for (int i = from; i <= to && total != null; i++) {
      Estimate e = estimates.get(i);
      total = e.known() ? total + e.durationMs() : null;
      ceiling |= e.upperBound();
    }
    Map<String, LockHold> byRelation = new LinkedHashMap<>();
    for (LockEffect effect : locks.get(from)) {
      String relation = effect.relation().sql();
      LockHold previous = byRelation.get(relation);
      LockMode mode = previous == null ? effect.mode() : previous.mode().max(effect.mode());
      boolean rewrite = effect.rewrite() || previous != null && previous.rewrite();
      byRelation.put(relation, new LockHold(relation, mode, rewrite, total, ceiling));
    }
    return List.copyOf(byRelation.values());
  }
}
