package io.migrationsafety.schema.replay;

import io.migrationsafety.operation.AlterIndex;
import io.migrationsafety.operation.CreateIndex;
import io.migrationsafety.operation.IndexElement;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Reindex;
import io.migrationsafety.schema.Index;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Table;
import io.migrationsafety.schema.View;
import io.migrationsafety.schema.replay.PostgresNames.IndexRole;

/**
 * {@code CREATE INDEX}, {@code ALTER INDEX} and {@code REINDEX}. A new index lives in its table's
 * schema; without a name it gets PostgreSQL's {@code table_columns_idx}. An index on a
 * partitioned table is created on each partition too, unless {@code ONLY} is written, which leaves
 * the parent's index invalid until every partition's index is attached.
 */
final class IndexReplay {

  private IndexReplay() {}

  static ReplayStep create(Replay replay, CreateIndex op) {
    Schema before = replay.before;
    QualifiedName tableName = replay.relation(op.table().name());
    Table table = before.tables().get(tableName);
    View view = before.views().get(tableName);
    if (table == null && (view == null || !view.materialized())) {
      return replay.fail(Problems.tableMissing(tableName));
    }
    if (table != null) {
      for (IndexElement e : op.elements()) {
        if (e.column() != null && table.column(e.column()).isEmpty()) {
          return replay.fail(Problems.columnMissing(e.column(), tableName));
        }
      }
      for (String column : op.include()) {
        if (table.column(column).isEmpty()) {
          return replay.fail(Problems.columnMissing(column, tableName));
        }
      }
    }
    String name = op.name();
    if (name != null) {
      if (PostgresNames.relationExists(before, tableName.schema(), name)) {
        QualifiedName existing = Tables.indexName(tableName, name);
        return op.ifNotExists() ? replay.unchanged() : replay.fail(Problems.relationExists(before, existing));
      }
    } else {
      name = PostgresNames.chooseIndexName(before, tableName, IndexColumnNames.of(op.elements(), op.include()),
          IndexRole.INDEX);
    }
    boolean partitioned = table != null && table.partitionBy() != null;
    Index index = new Index(Tables.indexName(tableName, name), tableName, op.unique(), op.method(), op.elements(),
        op.include(), op.predicate(), !(partitioned && op.table().only()));
    Schema after = before.withIndex(index);
    if (partitioned && !op.table().only()) {
      after = Partitions.propagateIndex(after, index);
    }
    return replay.ok(after);
  }

  /** The index {@code name} refers to: a temporary one first, then in the default schema. */
  static QualifiedName resolve(Replay replay, QualifiedName name) {
    return replay.relation(name);
  }

  static ReplayStep alter(Replay replay, AlterIndex op) {
    QualifiedName name = resolve(replay, op.name());
    if (!replay.before.indexes().containsKey(name)) {
      return replay.fail(Problems.missing("index", name));
    }
    if (op.attachPartition() != null) {
      QualifiedName partition = resolve(replay, op.attachPartition());
      if (!replay.before.indexes().containsKey(partition)) {
        return replay.fail(Problems.missing("index", partition));
      }
    }
    return replay.unchanged();
  }

  static ReplayStep reindex(Replay replay, Reindex op) {
    if (op.name() == null) {
      return replay.unchanged();
    }
    switch (op.target()) {
      case INDEX: {
        QualifiedName name = resolve(replay, op.name());
        return replay.before.indexes().containsKey(name) ? replay.unchanged()
            : replay.fail(Problems.missing("index", name));
      }
      case TABLE: {
        QualifiedName name = replay.relation(op.name());
        View view = replay.before.views().get(name);
        return replay.before.tables().containsKey(name) || (view != null && view.materialized())
            ? replay.unchanged() : replay.fail(Problems.tableMissing(name));
      }
      case SCHEMA:
        return replay.schemaExists(replay.before, op.name().name()) ? replay.unchanged()
            : replay.fail(Problems.schemaMissing(op.name().name()));
      default:
        return replay.unchanged();
    }
  }
}
