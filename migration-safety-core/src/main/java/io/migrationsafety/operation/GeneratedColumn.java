package io.migrationsafety.operation;

import java.util.Objects;

/**
 * A generated column: {@code GENERATED ALWAYS AS (expr) STORED}, or {@code VIRTUAL}
 * (PostgreSQL 18+, where it is the default).
 *
 * @param expression the generation expression
 * @param stored whether values are computed on write and stored (a table rewrite when added)
 */
public record GeneratedColumn(SqlExpression expression, boolean stored) {

  public GeneratedColumn {
    Objects.requireNonNull(expression, "expression");
  }
}
