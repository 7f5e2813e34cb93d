package io.migrationsafety.rules.index;

import io.migrationsafety.operation.CreateIndex;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rules.StatementText;
import io.migrationsafety.schema.Table;
import io.migrationsafety.sql.TokenType;
import java.util.List;

/**
 * The way to index a partitioned table without blocking writes, since {@code CREATE INDEX
 * CONCURRENTLY} refuses partitioned tables (checked on PostgreSQL 13, 17 and 18): an invalid index
 * on the parent alone ({@code ON ONLY}, instant), each partition's index built concurrently and
 * attached, after which the parent's index becomes valid by itself (SQL Commands: CREATE INDEX,
 * ON ONLY; DDL, Partitioning, Partition Maintenance).
 */
final class PartitionedIndex {

  private PartitionedIndex() {}

  /** The partitions of {@code table} in the schema before the statement, at every depth. */
  static List<QualifiedName> partitions(StatementContext context, QualifiedName table) {
    return context.before().tables().values().stream()
        .filter(t -> table.equals(t.partitionOf()))
        .flatMap(t -> java.util.stream.Stream.concat(java.util.stream.Stream.of(t.name()),
            partitions(context, t.name()).stream()))
        .toList();
  }

  /** Whether {@code table} is partitioned, by the schema before the statement. */
  static boolean partitioned(StatementContext context, QualifiedName table) {
    return context.tableBefore(table).map(Table::partitionBy).isPresent();
  }

  /** The ON ONLY / CONCURRENTLY per partition / ATTACH sequence for this very index. */
  static String steps(StatementContext context, CreateIndex index, QualifiedName table) {
    String name = index.name() != null ? index.name()
        : limit(table.name() + "_" + String.join("_", index.elements().stream()
            .map(e -> e.column() == null ? "expr" : e.column()).toList()) + "_idx");
    String keys = StatementText.between(context.statement().statement(),
        t -> t.is("using") || t.type() == TokenType.LEFT_PAREN, t -> false);
    String unique = index.unique() ? "UNIQUE " : "";
    StringBuilder sql = new StringBuilder()
        .append("-- the parent's index alone, invalid until every partition has its own (instant):\n")
        .append("CREATE ").append(unique).append("INDEX ").append(QualifiedName.quote(name)).append(" ON ONLY ")
        .append(index.table().name().sql()).append(' ').append(keys).append(";\n")
        .append("-- then for each partition, in migrations of their own that run outside a transaction:\n");
    List<QualifiedName> partitions = partitions(context, table).stream()
        .filter(p -> !partitioned(context, p)).toList();
    if (partitions.isEmpty()) {
      sql.append("-- (no partitions known: repeat these two for every partition)\n");
    }
    for (QualifiedName p : partitions.isEmpty() ? List.of(QualifiedName.of(table.schema(), table.name() + "_p1"))
        : partitions) {
      String child = QualifiedName.quote(limit(p.name() + "_" + name));
      sql.append("CREATE ").append(unique).append("INDEX CONCURRENTLY ").append(child).append(" ON ")
          .append(p.sql()).append(' ').append(keys).append(";\n")
          .append("ALTER INDEX ").append(QualifiedName.quote(name)).append(" ATTACH PARTITION ").append(child)
          .append(";\n");
    }
    return sql.toString().strip();
  }

  private static String limit(String identifier) {
    return identifier.length() <= 63 ? identifier : identifier.substring(0, 63);
  }
}
