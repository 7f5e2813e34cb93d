package io.migrationsafety.schema.replay;

import io.migrationsafety.operation.AddColumn;
import io.migrationsafety.operation.ConstraintDefinition;
import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.DropColumn;
import io.migrationsafety.operation.IndexElement;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.RenameColumn;
import io.migrationsafety.operation.SqlExpression;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Index;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Sequence;
import io.migrationsafety.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ALTER TABLE … ADD COLUMN}, {@code DROP COLUMN} and {@code RENAME COLUMN}, with what
 * PostgreSQL does around them: a new column's constraints and sequence; a dropped column takes
 * the indexes and constraints that use it along (even multi-column ones), and needs
 * {@code CASCADE} when another table's foreign key depends on it; a renamed column is renamed in
 * constraints, index keys, expressions and foreign keys that reference it.
 */
final class ColumnReplay {

  private ColumnReplay() {}

  static ReplayStep add(Replay replay, AddColumn op) {
    return AlterTables.onTable(replay, op.table(), table -> {
      String name = op.column().name();
      if (table.column(name).isPresent()) {
        return op.ifNotExists() ? Change.ok(replay.before) : Change.fail(Problems.columnExists(name, table.name()));
      }
      if (op.column().identity() != null
          && NewColumns.identityTypeProblem(table.name(), name, op.column().type()) != null) {
        return Change.fail(NewColumns.identityTypeProblem(table.name(), name, op.column().type()));
      }
      NewColumns.Made made = NewColumns.make(replay.before, table.name(), op.column(), replay.defaultSchema);
      Schema schema = replay.before;
      if (made.sequence() != null) {
        schema = schema.withSequence(made.sequence());
      }
      schema = withColumn(schema, table, made.column());
      if (!op.table().only()) {
        Column inherited = made.column().withIdentity(null);
        for (QualifiedName child : Partitions.descendants(schema, table.name())) {
          Table t = schema.tables().get(child);
          if (t.column(name).isEmpty()) {
            schema = withColumn(schema, t, inherited);
          }
        }
      }
      for (ConstraintDefinition d : ordered(op.column().constraints())) {
        Change change = ConstraintReplay.add(schema, table.name(), d, replay, false);
        if (change.failed()) {
          return change;
        }
        schema = change.schema();
      }
      return Change.ok(schema);
    });
  }

  private static Schema withColumn(Schema schema, Table table, Column column) {
    List<Column> columns = new ArrayList<>(table.columns());
    columns.add(column);
    return schema.withTable(table.withColumns(columns));
  }

  /** Column constraints in PostgreSQL's order: CHECK, then keys, then foreign keys. */
  private static List<ConstraintDefinition> ordered(List<ConstraintDefinition> definitions) {
    List<ConstraintDefinition> ordered = new ArrayList<>();
    for (ConstraintKind kind : List.of(ConstraintKind.CHECK, ConstraintKind.PRIMARY_KEY, ConstraintKind.UNIQUE,
        ConstraintKind.EXCLUDE, ConstraintKind.FOREIGN_KEY)) {
      definitions.stream().filter(d -> d.kind() == kind).forEach(ordered::add);
    }
    return ordered;
  }

  static ReplayStep drop(Replay replay, DropColumn op) {
    return AlterTables.onTable(replay, op.table(), table -> {
      String name = op.column();
      if (table.column(name).isEmpty()) {
        return op.ifExists() ? Change.ok(replay.before) : Change.fail(Problems.columnMissing(name, table.name()));
      }
      if (table.partitionBy() != null && SqlText.mentions(table.partitionBy(), name)) {
        return Change.fail("column " + Problems.quoted(name) + " of table " + table.name().sql()
            + " cannot be dropped: it is part of the partition key");
      }
      if (table.partitionOf() != null) {
        return Change.fail("column " + Problems.quoted(name) + " of table " + table.name().sql()
            + " cannot be dropped: it is inherited from the partitioned table " + table.partitionOf().sql());
      }
      Schema schema = replay.before;
      List<QualifiedName> family = new ArrayList<>();
      family.add(table.name());
      family.addAll(Partitions.descendants(schema, table.name()));
      List<String> removed = new ArrayList<>();
      for (QualifiedName member : family) {
        for (Constraint c : schema.tables().get(member).constraints()) {
          if (uses(c, name)) {
            removed.add(c.name());
          }
        }
      }
      Change outside = Dependents.foreignKeysOn(schema, table.name(),
          fk -> !uses(fk, name) && (fk.referencedColumns().contains(name) || removedKeyCovers(table, removed, fk)),
          op.cascade(), "column " + Problems.quoted(name) + " of table " + table.name().sql());
      if (outside.failed()) {
        return outside;
      }
      schema = outside.schema();
      for (QualifiedName member : family) {
        schema = dropFrom(schema, schema.tables().get(member), name);
      }
      return Change.ok(schema);
    });
  }

  private static boolean removedKeyCovers(Table table, List<String> removed, Constraint fk) {
    for (Constraint c : table.constraints()) {
      if (removed.contains(c.name()) && c.index() != null
          && new java.util.HashSet<>(c.columns()).equals(new java.util.HashSet<>(fk.referencedColumns()))) {
        return true;
      }
    }
    return false;
  }

  /** Whether constraint {@code c} uses column {@code column}. */
  static boolean uses(Constraint c, String column) {
    return c.columns().contains(column) || (c.expression() != null && SqlText.mentions(c.expression(), column));
  }

  /** Whether index {@code index} uses column {@code column}: as a key, in an expression, INCLUDE or predicate. */
  static boolean uses(Index index, String column) {
    for (IndexElement e : index.elements()) {
      if (column.equals(e.column()) || (e.isExpression() && SqlText.mentions(e.expression().sql(), column))) {
        return true;
      }
    }
    return index.include().contains(column)
        || (index.predicate() != null && SqlText.mentions(index.predicate().sql(), column));
  }

  /** {@code table} without column {@code column}, its indexes, constraints and owned sequences. */
  static Schema dropFrom(Schema schema, Table table, String column) {
    if (table == null || table.column(column).isEmpty()) {
      return schema;
    }
    Schema result = schema;
    for (Index index : schema.indexesOn(table.name())) {
      if (uses(index, column)) {
        result = result.withoutIndex(index.name());
      }
    }
    List<Constraint> constraints = new ArrayList<>();
    for (Constraint c : table.constraints()) {
      if (uses(c, column)) {
        if (c.index() != null) {
          result = result.withoutIndex(Tables.indexName(table.name(), c.index()));
        }
      } else {
        constraints.add(c);
      }
    }
    for (Sequence s : Tables.ownedSequences(schema, table.name(), column)) {
      result = result.withoutSequence(s.name());
    }
    List<Column> columns = new ArrayList<>(table.columns());
    columns.removeIf(c -> c.name().equals(column));
    return result.withTable(table.withColumns(columns).withConstraints(constraints));
  }

  static ReplayStep rename(Replay replay, RenameColumn op) {
    return AlterTables.onTable(replay, op.table(), table -> {
      if (table.column(op.column()).isEmpty()) {
        return Change.fail(Problems.columnMissing(op.column(), table.name()));
      }
      if (table.column(op.newName()).isPresent()) {
        return Change.fail(Problems.columnExists(op.newName(), table.name()));
      }
      if (table.partitionOf() != null) {
        return Change.fail("column " + Problems.quoted(op.column()) + " of table " + table.name().sql()
            + " cannot be renamed: it is inherited from the partitioned table " + table.partitionOf().sql());
      }
      List<QualifiedName> family = new ArrayList<>();
      family.add(table.name());
      family.addAll(Partitions.descendants(replay.before, table.name()));
      Schema schema = replay.before;
      for (QualifiedName member : family) {
        schema = renameIn(schema, schema.tables().get(member), op.column(), op.newName());
      }
      return Change.ok(schema);
    });
  }

  private static Schema renameIn(Schema schema, Table table, String from, String to) {
    List<Column> columns = new ArrayList<>();
    for (Column c : table.columns()) {
      Column renamed = c.name().equals(from) ? c.withName(to) : c;
      if (renamed.generated() != null) {
        var g = renamed.generated();
        renamed = renamed.withGenerated(new io.migrationsafety.operation.GeneratedColumn(
            rename(g.expression(), from, to), g.stored()));
      }
      columns.add(renamed);
    }
    List<Constraint> constraints = new ArrayList<>();
    for (Constraint c : table.constraints()) {
      List<String> referenced = c.referencedTable() != null && c.referencedTable().equals(table.name())
          ? replace(c.referencedColumns(), from, to) : c.referencedColumns();
      constraints.add(new Constraint(c.name(), c.kind(), replace(c.columns(), from, to),
          SqlText.renameColumn(c.expression(), from, to), c.referencedTable(), referenced, c.onDelete(),
          c.onUpdate(), c.valid(), c.deferrable(), c.initiallyDeferred(), c.index()));
    }
    String partitionBy = SqlText.renameColumn(table.partitionBy(), from, to);
    Schema result = schema.withTable(Tables.withPartitionBy(table.withColumns(columns).withConstraints(constraints),
        partitionBy));
    for (Index index : schema.indexesOn(table.name())) {
      if (uses(index, from)) {
        List<IndexElement> elements = new ArrayList<>();
        for (IndexElement e : index.elements()) {
          elements.add(e.isExpression()
              ? new IndexElement(null, rename(e.expression(), from, to), e.collation(), e.opclass(), e.descending(),
                  e.nullsFirst())
              : new IndexElement(from.equals(e.column()) ? to : e.column(), null, e.collation(), e.opclass(),
                  e.descending(), e.nullsFirst()));
        }
        result = result.withIndex(new Index(index.name(), index.table(), index.unique(), index.method(), elements,
            replace(index.include(), from, to), rename(index.predicate(), from, to), index.valid()));
      }
    }
    for (Sequence s : Tables.ownedSequences(schema, table.name(), from)) {
      result = result.withSequence(new Sequence(s.name(), Tables.ownerOf(table.name(), to)));
    }
    return Dependents.renameReferencedColumn(result, table.name(), from, to);
  }

  static SqlExpression rename(SqlExpression e, String from, String to) {
    if (e == null) {
      return null;
    }
    String sql = SqlText.renameColumn(e.sql(), from, to);
    return sql.equals(e.sql()) ? e : new SqlExpression(sql, e.volatility(), e.functions());
  }

  static List<String> replace(List<String> names, String from, String to) {
    if (!names.contains(from)) {
      return names;
    }
    List<String> result = new ArrayList<>(names);
    result.replaceAll(n -> n.equals(from) ? to : n);
    return result;
  }
}
