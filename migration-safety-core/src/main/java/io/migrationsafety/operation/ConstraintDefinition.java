package io.migrationsafety.operation;

import java.util.List;
import java.util.Objects;

/**
 * A table constraint, declared in {@code CREATE TABLE}, on a column, or by
 * {@code ALTER TABLE … ADD CONSTRAINT}.
 *
 * @param name the constraint name, or {@code null} when PostgreSQL will generate one
 * @param kind what kind of constraint
 * @param columns the constrained columns (key columns; empty for CHECK)
 * @param expression the CHECK expression, or the EXCLUDE element list and operators; else {@code null}
 * @param references the referenced table of a foreign key, else {@code null}
 * @param notValid {@code NOT VALID}: existing rows are not checked now
 * @param usingIndex {@code USING INDEX name}: an existing unique index becomes the constraint
 * @param deferrable {@code DEFERRABLE}
 * @param initiallyDeferred {@code INITIALLY DEFERRED}
 * @param include {@code INCLUDE} columns of a primary key, unique or exclusion constraint
 * @param noInherit {@code NO INHERIT} on a CHECK
 * @param nullsNotDistinct {@code NULLS NOT DISTINCT} on a unique constraint (PostgreSQL 15+)
 */
public record ConstraintDefinition(
    String name,
    ConstraintKind kind,
    List<String> columns,
    SqlExpression expression,
    ForeignKeyReference references,
    boolean notValid,
    String usingIndex,
    boolean deferrable,
    boolean initiallyDeferred,
    List<String> include,
    boolean noInherit,
    boolean nullsNotDistinct) {

  public ConstraintDefinition {
    Objects.requireNonNull(kind, "kind");
    columns = List.copyOf(columns);
    include = List.copyOf(include);
    if (kind == ConstraintKind.FOREIGN_KEY && references == null) {
      throw new IllegalArgumentException("a foreign key needs its referenced table");
    }
  }
}
