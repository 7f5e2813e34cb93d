package io.migrationsafety.rules.transaction;

import io.migrationsafety.lock.LockEffect;
import io.migrationsafety.lock.LockMode;
import io.migrationsafety.operation.DataChange;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import java.util.List;
import java.util.Optional;

/**
 * A statement that scans or rewrites a large table while the transaction still holds, from an
 * earlier statement, a lock that blocks writes on an existing table — a lock this statement would
 * not take by itself. Table locks are released only at the end of the transaction (Explicit
 * Locking, Table-Level Locks), so the time a table is blocked is the sum of every statement after
 * the one that locked it: a quick {@code ADD COLUMN} followed by a {@code VALIDATE CONSTRAINT} keeps
 * the table closed to reads and writes for the whole validation scan, which alone would block
 * neither. Backfills on the locked table itself are {@code backfill-in-ddl-transaction}'s.
 *
 * <p>Only when the slow table's size is unknown: with a known size the review estimates how long
 * the lock is held, and {@code lock-held-too-long} judges that against the policy's thresholds
 * (one mechanism per case, so the same hazard is not reported twice).
 */
public final class LockHeldDuringSlowStatement implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("lock-held-during-slow-statement",
      "a scan or rewrite runs while the transaction holds an earlier write-blocking lock: the lock lasts it out",
      Severity.WARNING);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!context.transaction().inTransaction() || context.transaction().held().isEmpty()) {
      return List.of();
    }
    Optional<LockEffect> slow = context.locks().stream()
        .filter(l -> (l.scan() || l.rewrite()) && context.before().index(l.relation()).isEmpty()
            && context.isLarge(l.relation()) && !context.sizeKnown(l.relation()))
        .findFirst();
    if (slow.isEmpty()) {
      return List.of();
    }
    Optional<LockEffect> extended = context.transaction().held().stream()
        .filter(h -> h.mode().blocksWrites() && !context.isNewTable(h.relation())
            && context.before().index(h.relation()).isEmpty())
        .filter(h -> !backfillOf(context, h.relation()))
        .filter(h -> own(context, h.relation()).map(mode -> mode.compareTo(h.mode()) < 0).orElse(true))
        .findFirst();
    if (extended.isEmpty()) {
      return List.of();
    }
    LockEffect held = extended.get();
    String what = slow.get().rewrite() ? "rewrites" : "scans";
    String split = context.transaction().explicit()
        ? "COMMIT;\nBEGIN;\n" + context.statement().statement().text() + ";"
        : "-- end the migration after the statement that took the lock; run this one in the next migration:\n"
            + context.statement().statement().text() + ";";
    return List.of(context.finding(this,
        "This statement " + what + " " + slow.get().relation() + " while the transaction still holds "
            + held.mode().sqlName() + " on " + held.relation() + " from an earlier statement",
        "Locks last until the transaction ends, so " + held.relation() + " stays blocked (" + held.mode().blocks()
            + ") for as long as this statement runs, which grows with " + slow.get().relation() + ". The "
            + "earlier statement alone would have held it only for a moment.",
        split));
  }

  /** The strongest mode this statement itself takes on {@code relation}, if any. */
  private static Optional<LockMode> own(StatementContext context, QualifiedName relation) {
    return context.locks().stream().filter(l -> l.relation().equals(relation)).map(LockEffect::mode).findFirst();
  }

  /** Whether the statement is a data change on {@code relation} itself (backfill-in-ddl-transaction's case). */
  private static boolean backfillOf(StatementContext context, QualifiedName relation) {
    return context.operation() instanceof DataChange change && context.resolve(change.table()).equals(relation);
  }
}
