package io.migrationsafety.operation;

import java.util.List;
import java.util.Objects;

/**
 * {@code CREATE TABLE}, including {@code CREATE TABLE … AS}, {@code PARTITION OF} and {@code LIKE}.
 *
 * @param name the new table
 * @param ifNotExists {@code IF NOT EXISTS}
 * @param persistence permanent, unlogged or temporary
 * @param columns the declared columns
 * @param constraints table constraints, and column constraints as table constraints
 * @param partitionOf the parent of {@code PARTITION OF}, or {@code null}
 * @param partitionBound the partition bound ({@code FOR VALUES …} or {@code DEFAULT}), or {@code null}
 * @param partitionBy the {@code PARTITION BY} clause, or {@code null}
 * @param inherits the {@code INHERITS} parents
 * @param likeTables the tables of {@code LIKE} clauses
 * @param asQuery the query of {@code CREATE TABLE … AS}, or {@code null}
 */
public record CreateTable(
    QualifiedName name,
    boolean ifNotExists,
    Persistence persistence,
    List<ColumnDefinition> columns,
    List<ConstraintDefinition> constraints,
    QualifiedName partitionOf,
    String partitionBound,
    String partitionBy,
    List<QualifiedName> inherits,
    List<QualifiedName> likeTables,
    String asQuery) implements Operation {

  public CreateTable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(persistence, "persistence");
    columns = List.copyOf(columns);
    constraints = List.copyOf(constraints);
    inherits = List.copyOf(inherits);
    likeTables = List.copyOf(likeTables);
  }

  @Override
  public OperationKind kind() {
    return OperationKind.CREATE_TABLE;
  }
}
