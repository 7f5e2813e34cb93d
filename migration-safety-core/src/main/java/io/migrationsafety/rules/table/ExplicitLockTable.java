package io.migrationsafety.rules.table;

import io.migrationsafety.lock.LockEffect;
import io.migrationsafety.operation.LockTable;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import io.migrationsafety.rules.transaction.RequireLockTimeout;
import java.util.List;
import java.util.Optional;

/**
 * {@code LOCK TABLE} in a mode that blocks writes (SHARE or stronger; ACCESS EXCLUSIVE when no mode
 * is written) on an existing table: the lock lasts until the migration's transaction ends — there
 * is no UNLOCK (SQL Commands: LOCK) — so every statement after it in the transaction adds to the
 * time the table is blocked, and without a lock_timeout the wait for it stalls every query behind.
 */
public final class ExplicitLockTable implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("explicit-lock-table",
      "LOCK TABLE in a mode that blocks writes, held until the migration commits", Severity.WARNING);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof LockTable)) {
      return List.of();
    }
    Optional<LockEffect> blocking = context.locks().stream()
        .filter(l -> l.mode().blocksWrites() && !context.isNewTable(l.relation())).findFirst();
    if (blocking.isEmpty()) {
      return List.of();
    }
    LockEffect lock = blocking.get();
    boolean timeout = RequireLockTimeout.hasTimeout(context.transaction().setting("lock_timeout"));
    String set = context.transaction().inTransaction() ? "SET LOCAL lock_timeout = '5s';\n" : "SET lock_timeout = '5s';\n";
    return List.of(context.finding(this,
        "LOCK TABLE holds " + lock.mode().sqlName() + " on " + lock.relation() + " until the transaction ends: it blocks "
            + lock.mode().blocks(),
        "An explicit lock is released only at COMMIT or ROLLBACK, so it covers every statement after it in the "
            + "transaction; " + (timeout ? "keep what follows it short." : "and with no lock_timeout, waiting "
            + "for it queues every new query on the table."),
        (timeout ? "" : set) + "-- take the weakest mode that serves, and put nothing slow after it in the transaction:\n"
            + context.statement().statement().text() + ";"));
  }
}
