package io.migrationsafety.rules.table;

import io.migrationsafety.operation.DetachPartition;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import java.util.List;

/**
 * {@code DETACH PARTITION} without {@code CONCURRENTLY} on PostgreSQL 14 or later: it takes ACCESS
 * EXCLUSIVE on the partitioned table, so every query on any partition waits for it and for the
 * queries it waits behind. {@code CONCURRENTLY} (14+) takes only SHARE UPDATE EXCLUSIVE on the
 * parent; it cannot run in a transaction block, nor while the table has a DEFAULT partition (SQL
 * Commands: ALTER TABLE, DETACH PARTITION; all three checked on PostgreSQL 17 and 18, and its absence
 * on 13).
 */
public final class RequireConcurrentDetach implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("require-concurrent-detach",
      "DETACH PARTITION without CONCURRENTLY locks the whole partitioned table (PostgreSQL 14+)", Severity.WARNING);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof DetachPartition detach) || detach.concurrently() || detach.finalizing()
        || context.postgresVersion() < 14) {
      return List.of();
    }
    QualifiedName parent = context.resolve(detach.table().name());
    if (context.isNewTable(parent)) {
      return List.of();
    }
    return List.of(context.finding(this,
        "DETACH PARTITION " + context.resolve(detach.partition()) + " takes ACCESS EXCLUSIVE on " + parent
            + ": every query on every partition waits",
        "The detach itself is quick, but it waits for every running query on the partitioned table, and every "
            + "query after it waits too. DETACH PARTITION … CONCURRENTLY (PostgreSQL 14+) takes only SHARE "
            + "UPDATE EXCLUSIVE on the parent, so reads and writes go on.",
        "-- in a migration of its own that runs outside a transaction; not possible while " + parent
            + " has a DEFAULT partition:\n" + context.statement().statement().text() + " CONCURRENTLY;"));
  }
}
