package io.migrationsafety.rules.transaction;

import io.migrationsafety.lock.LockEffect;
import io.migrationsafety.lock.LockMode;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import java.util.List;
import java.util.Optional;

/**
 * A statement that takes ACCESS EXCLUSIVE on an existing table with no {@code lock_timeout} set
 * earlier in the migration. Even a quick catalog change waits for that lock behind every running
 * query on the table — and while it waits, every new query on the table queues behind it: a long
 * report turns a millisecond {@code ADD COLUMN} into an outage (Explicit Locking: lock queues).
 */
public final class RequireLockTimeout implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("require-lock-timeout",
      "ACCESS EXCLUSIVE on an existing table without lock_timeout: queries queue behind the wait",
      Severity.WARNING);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (hasTimeout(context.transaction().setting("lock_timeout"))) {
      return List.of();
    }
    Optional<LockEffect> exclusive = context.locks().stream()
        .filter(l -> l.mode() == LockMode.ACCESS_EXCLUSIVE && !context.isNewTable(l.relation()))
        .findFirst();
    if (exclusive.isEmpty()) {
      return List.of();
    }
    String set = context.transaction().inTransaction() ? "SET LOCAL lock_timeout = '5s';" : "SET lock_timeout = '5s';";
    return List.of(context.finding(this,
        "This statement waits for ACCESS EXCLUSIVE on " + exclusive.get().relation()
            + " with no lock_timeout: every query on it queues behind the wait",
        "The lock is granted only when every running query on the table has finished; meanwhile each new query "
            + "waits behind this statement. A lock_timeout makes the migration fail fast (and be retried) instead "
            + "of stalling the table.",
        set + "\n" + context.statement().statement().text() + ";"));
  }

  /** Whether a lock_timeout other than 0 (no limit) is in force. */
  public static boolean hasTimeout(Optional<String> value) {
    if (value.isEmpty()) {
      return false;
    }
    String v = value.get().strip().replace("'", "").toLowerCase(java.util.Locale.ROOT);
    return !v.isEmpty() && !v.equals("0") && !v.equals("default");
  }
}
