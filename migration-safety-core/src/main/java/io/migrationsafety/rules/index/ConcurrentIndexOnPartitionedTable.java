package io.migrationsafety.rules.index;

import io.migrationsafety.operation.CreateIndex;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import java.util.List;

/**
 * {@code CREATE INDEX CONCURRENTLY} on a partitioned table: PostgreSQL refuses it ("cannot create
 * index on partitioned table … concurrently", checked on 13, 17 and 18), so the migration fails. The
 * index is built per partition instead and attached to an index created {@code ON ONLY} the parent.
 */
public final class ConcurrentIndexOnPartitionedTable implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("concurrent-index-on-partitioned-table",
      "CREATE INDEX CONCURRENTLY on a partitioned table: PostgreSQL refuses it", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof CreateIndex index) || !index.concurrently()) {
      return List.of();
    }
    QualifiedName table = context.resolve(index.table().name());
    if (!PartitionedIndex.partitioned(context, table)) {
      return List.of();
    }
    return List.of(context.finding(this,
        "CREATE INDEX CONCURRENTLY on the partitioned table " + table + " fails: PostgreSQL does not build "
            + "indexes on partitioned tables concurrently",
        "The statement stops the migration with an error. Building the index on each partition concurrently and "
            + "attaching those to an index made ON ONLY the parent gives the same index without blocking writes.",
        PartitionedIndex.steps(context, index, table)));
  }
}
