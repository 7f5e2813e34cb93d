package io.migrationsafety.rules.transaction;

import io.migrationsafety.lock.LockEffect;
import io.migrationsafety.operation.CreateIndex;
import io.migrationsafety.operation.Truncate;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import java.util.List;
import java.util.Optional;

/**
 * A statement that rewrites or scans a large existing table under a lock that blocks writes, with
 * no {@code statement_timeout} set earlier in the migration. How long it runs grows with the
 * table, and nothing stops it: the table stays blocked until it ends (Server Configuration:
 * Client Connection Defaults, {@code statement_timeout}). Scans under SHARE UPDATE EXCLUSIVE
 * ({@code CREATE INDEX CONCURRENTLY}, {@code VALIDATE CONSTRAINT}) block no reader or writer and are
 * meant to run long, so they are not flagged; index builds are left to {@code require-concurrent-index}.
 */
public final class RequireStatementTimeout implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("require-statement-timeout",
      "A rewrite or scan of a large table under a blocking lock with no statement_timeout set", Severity.WARNING);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    // TRUNCATE gives the table new, empty files: a "rewrite" that takes no time whatever the size.
    // Index builds are left to require-concurrent-index, whose fix (CONCURRENTLY) blocks nothing.
    if (context.operation() instanceof Truncate || context.operation() instanceof CreateIndex
        || RequireLockTimeout.hasTimeout(context.transaction().setting("statement_timeout"))) {
      return List.of();
    }
    Optional<LockEffect> slow = context.locks().stream()
        .filter(l -> (l.rewrite() || l.scan()) && l.mode().blocksWrites())
        .filter(l -> context.before().index(l.relation()).isEmpty() && context.isLarge(l.relation()))
        .findFirst();
    if (slow.isEmpty()) {
      return List.of();
    }
    LockEffect l = slow.get();
    String what = l.rewrite() ? "rewrites" : "scans";
    String set = context.transaction().inTransaction()
        ? "SET LOCAL statement_timeout = '5min';" : "SET statement_timeout = '5min';";
    return List.of(context.finding(this,
        "This statement " + what + " " + l.relation() + " under " + l.mode().sqlName()
            + " with no statement_timeout: nothing bounds how long the table stays blocked",
        "The time it takes grows with the table, and while it runs the " + l.mode().sqlName() + " lock blocks "
            + l.mode().blocks() + ". A statement_timeout makes an unexpectedly slow run fail and release the "
            + "lock instead of blocking the table for as long as it takes.",
        set + "\n" + context.statement().statement().text() + ";"));
  }
}
