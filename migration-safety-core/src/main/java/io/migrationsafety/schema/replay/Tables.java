package io.migrationsafety.schema.replay;

import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Index;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Sequence;
import io.migrationsafety.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Small edits of tables and the lookups around them that several replay steps share. */
final class Tables {

  private Tables() {}

  static List<String> columnNames(Table table) {
    List<String> names = new ArrayList<>(table.columns().size());
    for (Column c : table.columns()) {
      names.add(c.name());
    }
    return names;
  }

  /** {@code table} with column {@code name} changed by {@code change}. */
  static Table withColumn(Table table, String name, UnaryOperator<Column> change) {
    List<Column> columns = new ArrayList<>(table.columns());
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        columns.set(i, change.apply(columns.get(i)));
      }
    }
    return table.withColumns(columns);
  }

  /** {@code table} with {@code constraint} added, or replacing the one of the same name. */
  static Table withConstraint(Table table, Constraint constraint) {
    List<Constraint> constraints = new ArrayList<>(table.constraints());
    constraints.removeIf(c -> c.name().equals(constraint.name()));
    constraints.add(constraint);
    return table.withConstraints(constraints);
  }

  /** {@code table} without the constraint {@code name}. */
  static Table withoutConstraint(Table table, String name) {
    List<Constraint> constraints = new ArrayList<>(table.constraints());
    constraints.removeIf(c -> c.name().equals(name));
    return table.withConstraints(constraints);
  }

  /** {@code table} with its partition parent set (or cleared with {@code null}). */
  static Table withPartitionOf(Table table, QualifiedName parent) {
    return new Table(table.name(), table.columns(), table.constraints(), table.persistence(), parent,
        table.partitionBy(), table.rowEstimate(), table.sizeBytes());
  }

  /** {@code table} with another partitioning clause. */
  static Table withPartitionBy(Table table, String partitionBy) {
    return new Table(table.name(), table.columns(), table.constraints(), table.persistence(), table.partitionOf(),
        partitionBy, table.rowEstimate(), table.sizeBytes());
  }

  /** The index of {@code table} called {@code name} (indexes live in their table's schema). */
  static QualifiedName indexName(QualifiedName table, String name) {
    return QualifiedName.of(table.schema(), name);
  }


  /** How a sequence records the column that owns it: {@code schema.table.column}. */
  static String ownerOf(QualifiedName table, String column) {
    return table.sql() + "." + QualifiedName.quote(column);
  }

  /** The sequences owned by a column of {@code table} ({@code column} {@code null}: by any of its columns). */
  static List<Sequence> ownedSequences(Schema schema, QualifiedName table, String column) {
    List<Sequence> owned = new ArrayList<>();
    for (Sequence s : schema.sequences().values()) {
      if (s.ownedBy() == null) {
        continue;
      }
      OwnerRef owner = OwnerRef.parse(s.ownedBy());
      if (owner != null && owner.table().equals(table) && (column == null || owner.column().equals(column))) {
        owned.add(s);
      }
    }
    return owned;
  }

  /** The indexes of {@code table}: a scan of every index (the model has no index-by-table map). */
  static List<Index> indexesOn(Schema schema, QualifiedName table) {
    return schema.indexesOn(table);
  }

  /** A sequence's owner, read back from {@link Sequence#ownedBy()}. */
  record OwnerRef(QualifiedName table, String column) {

    static OwnerRef parse(String ownedBy) {
      List<String> parts = SqlText.nameParts(ownedBy);
      if (parts.size() == 3) {
        return new OwnerRef(QualifiedName.of(parts.get(0), parts.get(1)), parts.get(2));
      }
      if (parts.size() == 2) {
        return new OwnerRef(QualifiedName.of(parts.get(0)), parts.get(1));
      }
      return null;
    }

    String sql() {
      return ownerOf(table, column);
    }
  }
}
