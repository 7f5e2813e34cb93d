package io.migrationsafety.rules.index;

import io.migrationsafety.operation.CreateIndex;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import io.migrationsafety.rules.StatementText;
import java.util.List;

/**
 * {@code CREATE INDEX} without {@code CONCURRENTLY} on a table that already holds data: the build
 * holds a SHARE lock, which blocks every write to the table until it finishes (SQL Commands:
 * CREATE INDEX, "Building Indexes Concurrently").
 */
public final class RequireConcurrentIndex implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("require-concurrent-index",
      "CREATE INDEX without CONCURRENTLY on an existing table blocks writes for the whole build", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof CreateIndex index) || index.concurrently()) {
      return List.of();
    }
    QualifiedName table = context.resolve(index.table().name());
    if (!context.isLarge(table)) {
      return List.of();
    }
    boolean partitioned = PartitionedIndex.partitioned(context, table);
    if (partitioned && index.table().only()) {
      return List.of(); // ON ONLY a partitioned table: an empty, invalid index on the parent alone, instant
    }
    if (partitioned) {
      return List.of(context.finding(this,
          "CREATE INDEX on the partitioned table " + table + " blocks every INSERT, UPDATE and DELETE on all its "
              + "partitions until every partition's index is built",
          "Without CONCURRENTLY, PostgreSQL holds a SHARE lock on the parent and each partition while it builds "
              + "the index on every one of them; and CONCURRENTLY is refused on a partitioned table, so the index "
              + "has to be built partition by partition.",
          PartitionedIndex.steps(context, index, table)));
    }
    String safe = StatementText.insertAfter(context.statement().statement(), t -> t.is("index"), " CONCURRENTLY");
    return List.of(context.finding(this,
        "CREATE INDEX on " + table + " blocks every INSERT, UPDATE and DELETE on it until the index is built",
        "Without CONCURRENTLY, PostgreSQL holds a SHARE lock on the table while it reads all of it to build the "
            + "index: reads go on, but writes wait for the whole build, which on a large table takes minutes.",
        safe == null ? null : "-- CONCURRENTLY cannot run inside a transaction: give it a migration of its own\n"
            + safe + ";"));
  }
}
