package io.migrationsafety.rules.data;

import io.migrationsafety.lock.LockEffect;
import io.migrationsafety.lock.LockMode;
import io.migrationsafety.operation.DataChange;
import io.migrationsafety.operation.DmlKind;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import io.migrationsafety.rules.Backfill;
import java.util.List;
import java.util.Optional;

/**
 * A backfill — {@code UPDATE}, {@code DELETE}, {@code MERGE} or {@code INSERT … SELECT} — on a large
 * table after an earlier statement of the same transaction took ACCESS EXCLUSIVE on it (per the
 * lock model). Table locks are held until the transaction ends (Explicit Locking, Table-Level
 * Locks), so the table stays closed to every reader and writer for the whole backfill, not just
 * for the instant of the DDL.
 */
public final class BackfillInDdlTransaction implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("backfill-in-ddl-transaction",
      "Backfill in the transaction that took ACCESS EXCLUSIVE on the table: the lock lasts the whole backfill",
      Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof DataChange change) || !isBackfill(change)) {
      return List.of();
    }
    QualifiedName table = context.resolve(change.table());
    Optional<LockEffect> held = context.transaction().held().stream()
        .filter(l -> l.relation().equals(table) && l.mode() == LockMode.ACCESS_EXCLUSIVE)
        .findFirst();
    if (held.isEmpty() || !context.isLarge(table)) {
      return List.of();
    }
    String verb = change.dmlKind() == DmlKind.INSERT ? "INSERT … SELECT" : change.dmlKind().name();
    return List.of(context.finding(this,
        verb + " on " + table + " runs while this transaction still holds ACCESS EXCLUSIVE on it from earlier DDL",
        "The ACCESS EXCLUSIVE taken earlier in the transaction (" + held.get().reason() + ") is released only at "
            + "commit, so every query on " + table + ", even a plain SELECT, waits until the backfill has "
            + "touched every row.",
        "-- end the migration after the DDL, so its lock is released at once; then, in a later migration or job,\n"
            + "-- backfill in batches, each its own short transaction:\n" + batches(change, context)));
  }

  /** The backfill as a batched loop where one can be written for it, else the statement itself. */
  private static String batches(DataChange change, StatementContext context) {
    String loop = change.dmlKind() == DmlKind.UPDATE || change.dmlKind() == DmlKind.DELETE
        ? Backfill.batched(change, context) : null;
    return loop != null ? loop : context.statement().statement().text() + ";";
  }

  /**
   * Whether the statement may touch many rows: UPDATE, DELETE and MERGE unless the WHERE picks a
   * few keys or one batch, and INSERT whose rows come from a query (INSERT … VALUES of constants
   * is quick).
   */
  private static boolean isBackfill(DataChange change) {
    return switch (change.dmlKind()) {
      case UPDATE, DELETE, MERGE -> change.where() == null || !change.where().isBounded();
      case INSERT -> change.fromQuery();
      case COPY -> false;
    };
  }
}
