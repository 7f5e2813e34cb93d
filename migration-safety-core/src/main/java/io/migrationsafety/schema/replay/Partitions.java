package io.migrationsafety.schema.replay;

import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Index;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Table;
import io.migrationsafety.schema.replay.PostgresNames.IndexRole;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a partitioned table passes on to its partitions, as PostgreSQL does: CHECK and foreign key
 * constraints under the same name, and for each index (and the index of each primary key, unique
 * and exclusion constraint) an index of the partition under a name generated from the partition's
 * own name ({@code measurements_y2024_pkey}, {@code measurements_y2024_city_id_idx}).
 */
final class Partitions {

  private Partitions() {}

  /** The partitions of {@code parent}, and theirs, parents before children. */
  static List<QualifiedName> descendants(Schema schema, QualifiedName parent) {
    Table table = schema.tables().get(parent);
    if (table == null || table.partitionBy() == null) {
      return List.of();
    }
    Map<QualifiedName, List<QualifiedName>> children = new HashMap<>();
    for (Table t : schema.tables().values()) {
      if (t.partitionOf() != null) {
        children.computeIfAbsent(t.partitionOf(), k -> new ArrayList<>()).add(t.name());
      }
    }
    List<QualifiedName> result = new ArrayList<>();
    Set<QualifiedName> seen = new HashSet<>();
    Deque<QualifiedName> queue = new ArrayDeque<>(children.getOrDefault(parent, List.of()));
    while (!queue.isEmpty()) {
      QualifiedName next = queue.removeFirst();
      if (seen.add(next)) {
        result.add(next);
        queue.addAll(children.getOrDefault(next, List.of()));
      }
    }
    return result;
  }

  /** {@code schema} with the constraint {@code name} of {@code parent} passed on to its partitions. */
  static Schema propagateConstraint(Schema schema, QualifiedName parent, String name) {
    List<QualifiedName> descendants = descendants(schema, parent);
    if (descendants.isEmpty()) {
      return schema;
    }
    Constraint constraint = schema.tables().get(parent).constraint(name).orElseThrow();
    Index index = constraint.index() == null ? null
        : schema.indexes().get(Tables.indexName(parent, constraint.index()));
    Schema result = schema;
    for (QualifiedName child : descendants) {
      result = cloneConstraint(result, child, constraint, index);
    }
    return result;
  }

  /** {@code schema} with {@code index} of a partitioned table passed on to its partitions. */
  static Schema propagateIndex(Schema schema, Index index) {
    Schema result = schema;
    for (QualifiedName child : descendants(schema, index.table())) {
      result = cloneIndex(result, child, index);
    }
    return result;
  }

  /**
   * {@code schema} with everything {@code parent} passes on given to {@code child} and, when the
   * child is partitioned itself, to its partitions: for {@code CREATE TABLE … PARTITION OF} and
   * {@code ATTACH PARTITION}.
   */
  static Schema inherit(Schema schema, QualifiedName parent, QualifiedName child) {
    Table p = schema.tables().get(parent);
    List<QualifiedName> targets = new ArrayList<>();
    targets.add(child);
    targets.addAll(descendants(schema, child));
    Set<String> constraintIndexes = new HashSet<>();
    Schema result = schema;
    for (Constraint c : p.constraints()) {
      Index index = null;
      if (c.index() != null) {
        constraintIndexes.add(c.index());
        index = schema.indexes().get(Tables.indexName(parent, c.index()));
      }
      for (QualifiedName target : targets) {
        result = cloneConstraint(result, target, c, index);
      }
    }
    for (Index index : schema.indexesOn(parent)) {
      if (!constraintIndexes.contains(index.name().name())) {
        for (QualifiedName target : targets) {
          result = cloneIndex(result, target, index);
        }
      }
    }
    return result;
  }

  private static Schema cloneConstraint(Schema schema, QualifiedName child, Constraint c, Index parentIndex) {
    Table table = schema.tables().get(child);
    if (table == null) {
      return schema;
    }
    if (c.index() == null) {
      return table.constraint(c.name()).isPresent() ? schema
          : schema.withTable(Tables.withConstraint(table, c));
    }
    if (parentIndex == null || table.constraints().stream()
        .anyMatch(x -> x.kind() == c.kind() && x.columns().equals(c.columns()))) {
      return schema;
    }
    IndexRole role = c.kind() == ConstraintKind.PRIMARY_KEY ? IndexRole.PRIMARY_KEY
        : c.kind() == ConstraintKind.EXCLUDE ? IndexRole.EXCLUSION : IndexRole.UNIQUE_CONSTRAINT;
    String name = PostgresNames.chooseIndexName(schema, child,
        IndexColumnNames.of(parentIndex.elements(), parentIndex.include()), role);
    Index index = new Index(Tables.indexName(child, name), child, parentIndex.unique(), parentIndex.method(),
        parentIndex.elements(), parentIndex.include(), parentIndex.predicate(), true);
    Constraint constraint = new Constraint(name, c.kind(), c.columns(), c.expression(), null, List.of(), null, null,
        true, c.deferrable(), c.initiallyDeferred(), name);
    Table changed = Tables.withConstraint(table, constraint);
    if (c.kind() == ConstraintKind.PRIMARY_KEY) {
      changed = ConstraintReplay.notNull(changed, c.columns());
    }
    return schema.withTable(changed).withIndex(index);
  }

  private static Schema cloneIndex(Schema schema, QualifiedName child, Index parentIndex) {
    if (!schema.tables().containsKey(child)) {
      return schema;
    }
    for (Index existing : schema.indexesOn(child)) {
      if (existing.unique() == parentIndex.unique() && existing.method().equals(parentIndex.method())
          && existing.elements().equals(parentIndex.elements()) && existing.include().equals(parentIndex.include())
          && java.util.Objects.equals(existing.predicate(), parentIndex.predicate())) {
        return schema;
      }
    }
    String name = PostgresNames.chooseIndexName(schema, child,
        IndexColumnNames.of(parentIndex.elements(), parentIndex.include()), IndexRole.INDEX);
    return schema.withIndex(new Index(Tables.indexName(child, name), child, parentIndex.unique(),
        parentIndex.method(), parentIndex.elements(), parentIndex.include(), parentIndex.predicate(), true));
  }

  /** Why {@code child} cannot become a partition of {@code parent}, or {@code null} when it can. */
  static String attachProblem(Table parent, Table child) {
    for (Column column : parent.columns()) {
      Column own = child.column(column.name()).orElse(null);
      if (own == null) {
        return "table " + child.name().sql() + " is missing column " + Problems.quoted(column.name())
            + " of its partitioned table " + parent.name().sql();
      }
      if (column.notNull() && !own.notNull()) {
        return "column " + Problems.quoted(column.name()) + " of table " + child.name().sql()
            + " must be NOT NULL like in its partitioned table " + parent.name().sql();
      }
    }
    if (child.columns().size() > parent.columns().size()) {
      return "table " + child.name().sql() + " has columns its partitioned table " + parent.name().sql()
          + " does not have";
    }
    for (Constraint c : parent.constraints()) {
      if (c.kind() == ConstraintKind.CHECK && child.constraint(c.name()).isEmpty()) {
        return "table " + child.name().sql() + " is missing constraint " + Problems.quoted(c.name())
            + " of its partitioned table " + parent.name().sql();
      }
    }
    return null;
  }
}
