package io.migrationsafety.schema.replay;

import io.migrationsafety.operation.ConstraintDefinition;
import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.IndexElement;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Index;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Table;
import io.migrationsafety.schema.replay.PostgresNames.IndexRole;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Adds one constraint to a table, in {@code CREATE TABLE} or {@code ALTER TABLE … ADD}: names it
 * as PostgreSQL would when it has no name, creates the index behind a primary key, unique or
 * exclusion constraint (named like the constraint), turns an index into a constraint with
 * {@code USING INDEX}, and checks what PostgreSQL checks (the columns exist, a foreign key's
 * referenced table and unique key exist, only one primary key). A constraint added to a
 * partitioned table reaches its partitions too.
 */
final class ConstraintReplay {

  private ConstraintReplay() {}

  /**
   * {@code table} (already in {@code schema}) with {@code definition} added.
   *
   * @param newTable the constraint is part of {@code CREATE TABLE}: PostgreSQL then marks it valid
   *     even when written {@code NOT VALID}, as there are no rows to check
   */
  static Change add(Schema schema, QualifiedName table, ConstraintDefinition definition, Replay replay,
      boolean newTable) {
    Table t = schema.tables().get(table);
    String missing = missingColumn(t, definition);
    if (missing != null) {
      return Change.fail(Problems.columnMissing(missing, table));
    }
    if (definition.notValid() && !newTable && definition.kind() != ConstraintKind.CHECK
        && definition.kind() != ConstraintKind.FOREIGN_KEY) {
      return Change.fail(kindWords(definition.kind()) + " constraints cannot be marked NOT VALID");
    }
    if (definition.name() != null && t.constraint(definition.name()).isPresent()) {
      return Change.fail(Problems.constraintExists(definition.name(), table));
    }
    boolean valid = newTable || !definition.notValid();
    Change change = switch (definition.kind()) {
      case NOT_NULL -> Change.ok(schema.withTable(notNull(t, definition.columns())));
      case CHECK -> Change.ok(withConstraint(schema, t, check(schema, t, definition, valid)));
      case FOREIGN_KEY -> foreignKey(schema, t, definition, replay, valid);
      case PRIMARY_KEY, UNIQUE -> definition.usingIndex() != null
          ? usingIndex(schema, t, definition) : keyed(schema, t, definition);
      case EXCLUDE -> exclusion(schema, t, definition);
    };
    if (change.failed() || definition.kind() == ConstraintKind.NOT_NULL) {
      return change;
    }
    return Change.ok(Partitions.propagateConstraint(change.schema(), table, definition.name() == null
        ? lastConstraint(change.schema(), table) : definition.name()));
  }

  private static String lastConstraint(Schema schema, QualifiedName table) {
    List<Constraint> constraints = schema.tables().get(table).constraints();
    return constraints.get(constraints.size() - 1).name();
  }

  private static String missingColumn(Table table, ConstraintDefinition definition) {
    List<String> wanted = new ArrayList<>(definition.columns());
    wanted.addAll(definition.include());
    for (String column : wanted) {
      if (table.column(column).isEmpty()) {
        return column;
      }
    }
    return null;
  }

  private static String kindWords(ConstraintKind kind) {
    return kind.name().replace('_', ' ');
  }

  static Table notNull(Table table, List<String> columns) {
    Table result = table;
    for (String column : columns) {
      result = Tables.withColumn(result, column, c -> c.withNotNull(true));
    }
    return result;
  }

  private static Schema withConstraint(Schema schema, Table table, Constraint constraint) {
    return schema.withTable(Tables.withConstraint(table, constraint));
  }

  private static Constraint check(Schema schema, Table table, ConstraintDefinition d, boolean valid) {
    String sql = d.expression() == null ? "" : d.expression().sql();
    List<String> columns = SqlText.columnsMentioned(sql, Tables.columnNames(table));
    // PostgreSQL names a CHECK after its column when the expression uses exactly one column.
    String name = d.name() != null ? d.name() : PostgresNames.chooseConstraintName(schema, table.name().schema(),
        table.name().name(), columns.size() == 1 ? columns.get(0) : null, "check");
    return new Constraint(name, ConstraintKind.CHECK, columns, sql, null, List.of(), null, null, valid,
        d.deferrable(), d.initiallyDeferred(), null);
  }

  private static Change foreignKey(Schema schema, Table table, ConstraintDefinition d, Replay replay,
      boolean valid) {
    QualifiedName referencedName = replay.relation(schema, d.references().table());
    Table referenced = schema.tables().get(referencedName);
    if (referenced == null) {
      return Change.fail(Problems.tableMissing(referencedName));
    }
    List<String> referencedColumns = d.references().columns();
    if (referencedColumns.isEmpty()) {
      Constraint pk = referenced.primaryKey().orElse(null);
      if (pk == null) {
        return Change.fail("table " + referencedName.sql() + " has no primary key for the foreign key to reference");
      }
      referencedColumns = pk.columns();
    }
    for (String column : referencedColumns) {
      if (referenced.column(column).isEmpty()) {
        return Change.fail(Problems.columnMissing(column, referencedName));
      }
    }
    if (referencedColumns.size() != d.columns().size()) {
      return Change.fail("the foreign key on table " + table.name().sql() + " has " + d.columns().size()
          + " referencing and " + referencedColumns.size() + " referenced columns");
    }
    if (!hasUniqueKey(schema, referenced, referencedColumns)) {
      return Change.fail("no unique constraint of table " + referencedName.sql() + " matches the referenced columns ("
          + String.join(", ", referencedColumns) + ")");
    }
    String name = d.name() != null ? d.name() : PostgresNames.chooseConstraintName(schema, table.name().schema(),
        table.name().name(), PostgresNames.nameAddition(d.columns()), "fkey");
    Constraint fk = new Constraint(name, ConstraintKind.FOREIGN_KEY, d.columns(), null, referencedName,
        referencedColumns, d.references().onDelete(), d.references().onUpdate(), valid, d.deferrable(),
        d.initiallyDeferred(), null);
    // A self-reference: the table may have changed since it was read.
    return Change.ok(withConstraint(schema, schema.tables().get(table.name()), fk));
  }

  /** Whether a primary key, unique constraint or plain unique index of {@code table} covers exactly {@code columns}. */
  static boolean hasUniqueKey(Schema schema, Table table, List<String> columns) {
    var wanted = new HashSet<>(columns);
    for (Constraint c : table.constraints()) {
      if ((c.kind() == ConstraintKind.PRIMARY_KEY || c.kind() == ConstraintKind.UNIQUE)
          && new HashSet<>(c.columns()).equals(wanted)) {
        return true;
      }
    }
    for (Index index : schema.indexesOn(table.name())) {
      if (index.unique() && index.predicate() == null && index.elements().stream().noneMatch(IndexElement::isExpression)
          && new HashSet<>(index.elements().stream().map(IndexElement::column).toList()).equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  private static Change keyed(Schema schema, Table table, ConstraintDefinition d) {
    boolean primary = d.kind() == ConstraintKind.PRIMARY_KEY;
    if (primary && table.primaryKey().isPresent()) {
      return Change.fail("table " + table.name().sql() + " already has a primary key");
    }
    List<IndexElement> elements = new ArrayList<>();
    for (String column : d.columns()) {
      elements.add(new IndexElement(column, null, null, null, false, null));
    }
    String name = d.name() != null ? d.name() : PostgresNames.chooseIndexName(schema, table.name(),
        IndexColumnNames.of(elements, d.include()), primary ? IndexRole.PRIMARY_KEY : IndexRole.UNIQUE_CONSTRAINT);
    QualifiedName indexName = Tables.indexName(table.name(), name);
    if (PostgresNames.relationExists(schema, indexName.schema(), name)) {
      return Change.fail(Problems.relationExists(schema, indexName));
    }
    Index index = new Index(indexName, table.name(), true, "btree", elements, d.include(), null, true);
    Constraint constraint = new Constraint(name, d.kind(), d.columns(), null, null, List.of(), null, null, true,
        d.deferrable(), d.initiallyDeferred(), name);
    Table changed = Tables.withConstraint(table, constraint);
    if (primary) {
      changed = notNull(changed, d.columns());
    }
    return Change.ok(schema.withTable(changed).withIndex(index));
  }

  private static Change exclusion(Schema schema, Table table, ConstraintDefinition d) {
    Exclusion exclusion = d.expression() == null ? null : Exclusion.parse(d.expression().sql());
    if (exclusion == null) {
      return Change.fail("the EXCLUDE constraint on table " + table.name().sql() + " could not be read");
    }
    for (IndexElement e : exclusion.elements()) {
      if (e.column() != null && table.column(e.column()).isEmpty()) {
        return Change.fail(Problems.columnMissing(e.column(), table.name()));
      }
    }
    String name = d.name() != null ? d.name() : PostgresNames.chooseIndexName(schema, table.name(),
        IndexColumnNames.of(exclusion.elements(), d.include()), IndexRole.EXCLUSION);
    QualifiedName indexName = Tables.indexName(table.name(), name);
    if (PostgresNames.relationExists(schema, indexName.schema(), name)) {
      return Change.fail(Problems.relationExists(schema, indexName));
    }
    List<String> columns = exclusion.elements().stream().map(IndexElement::column)
        .filter(c -> c != null).toList();
    Index index = new Index(indexName, table.name(), false, exclusion.method(), exclusion.elements(), d.include(),
        exclusion.predicate(), true);
    Constraint constraint = new Constraint(name, ConstraintKind.EXCLUDE, columns, d.expression().sql(), null,
        List.of(), null, null, true, d.deferrable(), d.initiallyDeferred(), name);
    return Change.ok(schema.withTable(Tables.withConstraint(table, constraint)).withIndex(index));
  }

  /** {@code ADD PRIMARY KEY|UNIQUE USING INDEX i}: the index becomes the constraint's, renamed to it. */
  private static Change usingIndex(Schema schema, Table table, ConstraintDefinition d) {
    QualifiedName indexName = Tables.indexName(table.name(), d.usingIndex());
    Index index = schema.indexes().get(indexName);
    if (index == null) {
      return Change.fail(Problems.missing("index", indexName));
    }
    String problem = null;
    if (!index.table().equals(table.name())) {
      problem = "index " + indexName.sql() + " does not belong to table " + table.name().sql();
    } else if (!index.unique()) {
      problem = "index " + indexName.sql() + " is not a unique index";
    } else if (index.predicate() != null) {
      problem = "index " + indexName.sql() + " is a partial index";
    } else if (index.elements().stream().anyMatch(IndexElement::isExpression)) {
      problem = "index " + indexName.sql() + " contains expressions";
    } else if (table.constraints().stream().anyMatch(c -> d.usingIndex().equals(c.index()))) {
      problem = "index " + indexName.sql() + " is already associated with a constraint";
    } else if (d.kind() == ConstraintKind.PRIMARY_KEY && table.primaryKey().isPresent()) {
      problem = "table " + table.name().sql() + " already has a primary key";
    }
    if (problem != null) {
      return Change.fail(problem);
    }
    String name = d.name() != null ? d.name() : d.usingIndex();
    Schema result = schema;
    if (!name.equals(d.usingIndex())) {
      QualifiedName renamed = Tables.indexName(table.name(), name);
      if (PostgresNames.relationExists(schema, renamed.schema(), name)) {
        return Change.fail(Problems.relationExists(schema, renamed));
      }
      result = result.withoutIndex(indexName).withIndex(index.withName(renamed));
    }
    List<String> columns = index.elements().stream().map(IndexElement::column).toList();
    Constraint constraint = new Constraint(name, d.kind(), columns, null, null, List.of(), null, null, true,
        d.deferrable(), d.initiallyDeferred(), name);
    Table changed = Tables.withConstraint(table, constraint);
    if (d.kind() == ConstraintKind.PRIMARY_KEY) {
      changed = notNull(changed, columns);
    }
    return Change.ok(result.withTable(changed));
  }

  /** Whether a column of {@code table} is part of its primary key. */
  static boolean inPrimaryKey(Table table, Column column) {
    Constraint pk = table.primaryKey().orElse(null);
    return pk != null && pk.columns().contains(column.name());
  }
}
