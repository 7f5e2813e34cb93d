package io.migrationsafety.schema.replay;

import io.migrationsafety.operation.ColumnDefinition;
import io.migrationsafety.operation.ConstraintDefinition;
import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.CreateTable;
import io.migrationsafety.operation.Persistence;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code CREATE TABLE}, in PostgreSQL's order: the sequences of serial and identity columns, the
 * table with its columns (those of {@code LIKE}, {@code INHERITS} and {@code PARTITION OF} parents
 * first) and its CHECK constraints, then the indexes of its primary key, unique and exclusion
 * constraints, then its foreign keys. The order decides which generated name gets a number when
 * two would clash. A new table holds 0 rows.
 */
final class TableReplay {

  private TableReplay() {}

  static ReplayStep create(Replay replay, CreateTable op) {
    Schema before = replay.before;
    QualifiedName name = op.persistence() == Persistence.TEMPORARY && !op.name().isQualified()
        ? QualifiedName.of(Replay.TEMP_SCHEMA, op.name().name()) : replay.qualify(op.name());
    if (!replay.schemaExists(before, name.schema())) {
      return replay.fail(Problems.schemaMissing(name.schema()));
    }
    if (PostgresNames.relationExists(before, name.schema(), name.name()) || before.types().containsKey(name)) {
      return op.ifNotExists() ? replay.unchanged() : replay.fail(Problems.relationExists(before, name));
    }
    Map<String, Column> columns = new LinkedHashMap<>();
    List<Constraint> inheritedChecks = new ArrayList<>();
    QualifiedName parentName = null;
    if (op.partitionOf() != null) {
      parentName = replay.relation(op.partitionOf());
      Table parent = before.tables().get(parentName);
      if (parent == null) {
        return replay.fail(Problems.tableMissing(parentName));
      }
      if (parent.partitionBy() == null) {
        return replay.fail("table " + parentName.sql() + " is not partitioned");
      }
      parent.columns().forEach(c -> columns.put(c.name(), c.withIdentity(null)));
    }
    for (QualifiedName like : op.likeTables()) {
      Table source = replay.table(like).orElse(null);
      if (source == null) {
        return replay.fail(Problems.tableMissing(replay.relation(like)));
      }
      // LIKE copies names, types and NOT NULL; defaults, identity and the rest only on INCLUDING.
      source.columns().forEach(c -> columns.putIfAbsent(c.name(),
          new Column(c.name(), c.type(), c.notNull(), null, null, null, c.collation())));
    }
    for (QualifiedName inherit : op.inherits()) {
      Table parent = replay.table(inherit).orElse(null);
      if (parent == null) {
        return replay.fail(Problems.tableMissing(replay.relation(inherit)));
      }
      parent.columns().forEach(c -> columns.putIfAbsent(c.name(), c.withIdentity(null)));
      parent.constraints().stream().filter(c -> c.kind() == ConstraintKind.CHECK).forEach(inheritedChecks::add);
    }
    Schema schema = before;
    List<String> declared = new ArrayList<>();
    for (ColumnDefinition definition : op.columns()) {
      if (declared.contains(definition.name())) {
        return replay.fail("column " + Problems.quoted(definition.name()) + " is declared twice in table " + name.sql());
      }
      declared.add(definition.name());
      if (definition.identity() != null
          && NewColumns.identityTypeProblem(name, definition.name(), definition.type()) != null) {
        return replay.fail(NewColumns.identityTypeProblem(name, definition.name(), definition.type()));
      }
      NewColumns.Made made = NewColumns.make(schema, name, definition, replay.defaultSchema);
      Column inherited = columns.get(definition.name());
      Column column = made.column();
      if (inherited != null && inherited.notNull() && !column.notNull()) {
        column = column.withNotNull(true);
      }
      columns.put(definition.name(), column);
      if (made.sequence() != null) {
        if (PostgresNames.relationExists(schema, made.sequence().name().schema(), made.sequence().name().name())) {
          return replay.fail(Problems.relationExists(schema, made.sequence().name()));
        }
        schema = schema.withSequence(made.sequence());
      }
    }
    Table table = new Table(name, List.copyOf(columns.values()), inheritedChecks, op.persistence(), parentName,
        op.partitionBy(), 0L, 0L);
    schema = schema.withTable(table);
    if (parentName != null) {
      schema = Partitions.inherit(schema, parentName, name);
    }
    Change change = constraints(schema, name, op.constraints(), replay);
    return change.step(replay);
  }

  /**
   * Adds the table's constraints as PostgreSQL does: CHECKs with the table, then the primary key's
   * index, then those of unique and exclusion constraints (one that repeats an earlier key is
   * dropped, as PostgreSQL drops it), then foreign keys.
   */
  private static Change constraints(Schema schema, QualifiedName table, List<ConstraintDefinition> definitions,
      Replay replay) {
    List<ConstraintDefinition> ordered = new ArrayList<>();
    definitions.stream().filter(d -> d.kind() == ConstraintKind.NOT_NULL).forEach(ordered::add);
    definitions.stream().filter(d -> d.kind() == ConstraintKind.CHECK).forEach(ordered::add);
    List<ConstraintDefinition> keys = new ArrayList<>();
    definitions.stream().filter(d -> d.kind() == ConstraintKind.PRIMARY_KEY).forEach(keys::add);
    for (ConstraintDefinition d : definitions) {
      if (d.kind() != ConstraintKind.UNIQUE && d.kind() != ConstraintKind.EXCLUDE) {
        continue;
      }
      int same = -1;
      for (int i = 0; i < keys.size() && same < 0; i++) {
        same = sameIndex(keys.get(i), d) ? i : -1;
      }
      if (same < 0) {
        keys.add(d);
      } else if (keys.get(same).name() == null && d.name() != null) {
        // PostgreSQL gives the kept index the name of the dropped one when only that one had a name.
        keys.set(same, named(keys.get(same), d.name()));
      }
    }
    ordered.addAll(keys);
    definitions.stream().filter(d -> d.kind() == ConstraintKind.FOREIGN_KEY).forEach(ordered::add);
    Schema result = schema;
    for (ConstraintDefinition d : ordered) {
      Change change = ConstraintReplay.add(result, table, d, replay, true);
      if (change.failed()) {
        return change;
      }
      result = change.schema();
    }
    return Change.ok(result);
  }

  /** Whether two key constraints would build the same index (PostgreSQL keeps only the first). */
  private static boolean sameIndex(ConstraintDefinition a, ConstraintDefinition b) {
    if (a.kind() == ConstraintKind.EXCLUDE || b.kind() == ConstraintKind.EXCLUDE || a.usingIndex() != null
        || b.usingIndex() != null) {
      return false;
    }
    return a.columns().equals(b.columns()) && a.include().equals(b.include())
        && a.nullsNotDistinct() == b.nullsNotDistinct() && a.deferrable() == b.deferrable()
        && a.initiallyDeferred() == b.initiallyDeferred();
  }

  private static ConstraintDefinition named(ConstraintDefinition d, String name) {
    return new ConstraintDefinition(name, d.kind(), d.columns(), d.expression(), d.references(), d.notValid(),
        d.usingIndex(), d.deferrable(), d.initiallyDeferred(), d.include(), d.noInherit(), d.nullsNotDistinct());
  }
}
