package io.migrationsafety.schema.replay;

import io.migrationsafety.operation.DataType;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.SqlExpression;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Index;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Sequence;
import io.migrationsafety.schema.Table;
import io.migrationsafety.schema.UserType;
import java.util.ArrayList;
import java.util.List;

/**
 * Moving an object to a new name or schema, and everything that follows it: a table's indexes
 * and owned sequences, foreign keys and partitions that point at it, columns of a renamed type,
 * the constraint behind a renamed index.
 */
final class Moves {

  private Moves() {}

  /** {@code schema} with {@code table} renamed or moved to {@code target}. */
  static Schema table(Schema schema, Table table, QualifiedName target) {
    QualifiedName old = table.name();
    boolean newSchema = !old.schema().equals(target.schema());
    Schema result = schema.withoutTable(old).withTable(table.withName(target));
    for (Index index : schema.indexesOn(old)) {
      QualifiedName indexName = newSchema ? QualifiedName.of(target.schema(), index.name().name()) : index.name();
      result = result.withoutIndex(index.name()).withIndex(index.withName(indexName).onTable(target));
    }
    for (Sequence sequence : Tables.ownedSequences(schema, old, null)) {
      Tables.OwnerRef owner = Tables.OwnerRef.parse(sequence.ownedBy());
      QualifiedName sequenceName = newSchema ? QualifiedName.of(target.schema(), sequence.name().name())
          : sequence.name();
      result = result.withoutSequence(sequence.name())
          .withSequence(new Sequence(sequenceName, Tables.ownerOf(target, owner.column())));
    }
    return Dependents.retarget(result, old, target);
  }

  /** {@code schema} with {@code index} renamed, and the constraint it backs renamed with it. */
  static Schema index(Schema schema, Index index, QualifiedName target) {
    Schema result = schema.withoutIndex(index.name()).withIndex(index.withName(target));
    Table table = result.tables().get(index.table());
    if (table != null) {
      for (Constraint c : table.constraints()) {
        if (index.name().name().equals(c.index())) {
          Constraint renamed = TableActionReplay.withIndex(c.withName(target.name()), target.name());
          result = result.withTable(TableActionReplay.replaceConstraint(table, c.name(), renamed));
        }
      }
    }
    return result;
  }

  /** {@code schema} with {@code sequence} renamed or moved, and its owning column's default following it. */
  static Schema sequence(Schema schema, Sequence sequence, QualifiedName target, String defaultSchema) {
    Schema result = schema.withoutSequence(sequence.name()).withSequence(new Sequence(target, sequence.ownedBy()));
    Tables.OwnerRef owner = sequence.ownedBy() == null ? null : Tables.OwnerRef.parse(sequence.ownedBy());
    Table table = owner == null ? null : result.tables().get(owner.table());
    Column column = table == null ? null : table.column(owner.column()).orElse(null);
    if (column != null && column.defaultValue() != null
        && column.defaultValue().equals(NewColumns.nextval(sequence.name(), defaultSchema))) {
      SqlExpression moved = NewColumns.nextval(target, defaultSchema);
      result = result.withTable(Tables.withColumn(table, column.name(), c -> c.withDefault(moved)));
    }
    return result;
  }

  /** {@code schema} with {@code type} renamed or moved, and the columns of that type following it. */
  static Schema type(Schema schema, UserType type, QualifiedName target, String defaultSchema) {
    Schema result = schema.withoutType(type.name()).withType(type.withName(target));
    for (Table table : schema.tables().values()) {
      List<Column> columns = new ArrayList<>(table.columns());
      boolean changed = false;
      for (int i = 0; i < columns.size(); i++) {
        Column c = columns.get(i);
        if (isOfType(c.type(), type.name(), defaultSchema)) {
          boolean qualified = c.type().name().contains(".") || !target.schema().equals(defaultSchema);
          String name = qualified ? target.sql() : QualifiedName.quote(target.name());
          DataType renamed = new DataType(name, c.type().modifiers(), c.type().arrayDimensions(), name
              + "[]".repeat(c.type().arrayDimensions()));
          columns.set(i, c.withType(renamed));
          changed = true;
        }
      }
      if (changed) {
        result = result.withTable(result.tables().get(table.name()).withColumns(columns));
      }
    }
    return result;
  }

  /** Whether a column type (as the parser spells it) names the user type {@code type}. */
  static boolean isOfType(DataType columnType, QualifiedName type, String defaultSchema) {
    String name = columnType.name();
    return name.equals(type.sql()) || (type.schema().equals(defaultSchema) && name.equals(QualifiedName.quote(type.name())));
  }

  /** {@code schema} with everything in schema {@code from} moved to schema {@code to}. */
  static Schema schema(Schema schema, String from, String to, String defaultSchema) {
    Schema result = schema;
    for (Table table : schema.tables().values()) {
      if (from.equals(table.name().schema())) {
        Table current = result.tables().get(table.name());
        result = table(result, current, QualifiedName.of(to, table.name().name()));
      }
    }
    for (Sequence sequence : schema.sequences().values()) {
      if (from.equals(sequence.name().schema()) && result.sequences().containsKey(sequence.name())) {
        result = sequence(result, result.sequences().get(sequence.name()), QualifiedName.of(to, sequence.name().name()),
            defaultSchema);
      }
    }
    for (var view : schema.views().values()) {
      if (from.equals(view.name().schema())) {
        result = result.withoutView(view.name())
            .withView(new io.migrationsafety.schema.View(QualifiedName.of(to, view.name().name()), view.materialized(),
                view.query()));
      }
    }
    for (UserType type : schema.types().values()) {
      if (from.equals(type.name().schema())) {
        result = type(result, type, QualifiedName.of(to, type.name().name()), defaultSchema);
      }
    }
    for (Index index : result.indexes().values()) {
      // Indexes of materialized views, which moved without a table.
      if (from.equals(index.name().schema())) {
        result = result.withoutIndex(index.name()).withIndex(index.withName(QualifiedName.of(to, index.name().name()))
            .onTable(QualifiedName.of(to, index.table().name())));
      }
    }
    return result.withSchema(from, false).withSchema(to, true);
  }
}
