package io.migrationsafety.schema;

import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.Persistence;
import io.migrationsafety.operation.QualifiedName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A table.
 *
 * @param name its schema-qualified name
 * @param columns its columns, in order
 * @param constraints its constraints
 * @param persistence permanent, unlogged or temporary
 * @param partitionOf the parent when it is a partition, or {@code null}
 * @param partitionBy the partitioning clause when it is partitioned, or {@code null}
 * @param rowEstimate the estimated number of rows, or {@code null} when unknown (treated as large)
 * @param sizeBytes its size on disk in bytes, or {@code null} when unknown
 */
public record Table(
    QualifiedName name,
    List<Column> columns,
    List<Constraint> constraints,
    Persistence persistence,
    QualifiedName partitionOf,
    String partitionBy,
    Long rowEstimate,
    Long sizeBytes) {

  public Table {
    Objects.requireNonNull(name, "name");
    if (name.schema() == null) {
      throw new IllegalArgumentException("a table of the schema model needs its schema: " + name);
    }
    columns = List.copyOf(columns);
    constraints = List.copyOf(constraints);
    Objects.requireNonNull(persistence, "persistence");
  }

  /** The column called {@code column}. */
  public Optional<Column> column(String column) {
    return columns.stream().filter(c -> c.name().equals(column)).findFirst();
  }

  /** The constraint called {@code constraint}. */
  /** Its primary key, if it has one. */
  public Optional<Constraint> primaryKey() {
    return constraints.stream().filter(c -> c.kind() == ConstraintKind.PRIMARY_KEY).findFirst();
  }

  public Optional<Constraint> constraint(String constraint) {
    return constraints.stream().filter(c -> c.name().equals(constraint)).findFirst();
  }

  /** The row estimate, empty when unknown. */
  public OptionalLong rows() {
    return rowEstimate == null ? OptionalLong.empty() : OptionalLong.of(rowEstimate);
  }

  /** This table with other columns. */
  public Table withColumns(List<Column> newColumns) {
    return new Table(name, newColumns, constraints, persistence, partitionOf, partitionBy, rowEstimate, sizeBytes);
  }

  /** This table with other constraints. */
  public Table withConstraints(List<Constraint> newConstraints) {
    return new Table(name, columns, newConstraints, persistence, partitionOf, partitionBy, rowEstimate, sizeBytes);
  }

  /** This table under another name. */
  public Table withName(QualifiedName newName) {
    return new Table(newName, columns, constraints, persistence, partitionOf, partitionBy, rowEstimate, sizeBytes);
  }

  /** This table with another persistence. */
  public Table withPersistence(Persistence newPersistence) {
    return new Table(name, columns, constraints, newPersistence, partitionOf, partitionBy, rowEstimate, sizeBytes);
  }

  /** This table with a known size. */
  public Table withSize(Long rows, Long bytes) {
    return new Table(name, columns, constraints, persistence, partitionOf, partitionBy, rows, bytes);
  }
}
