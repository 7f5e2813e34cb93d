package io.migrationsafety.operation;

import java.util.List;
import java.util.Objects;

/**
 * A column as declared in {@code CREATE TABLE} or {@code ADD COLUMN}.
 *
 * @param name the column name
 * @param type its type
 * @param notNull {@code NOT NULL} (or {@code PRIMARY KEY}) was declared
 * @param defaultValue the {@code DEFAULT} expression, or {@code null}
 * @param identity the identity specification, or {@code null}
 * @param generated the generation expression, or {@code null}
 * @param collation the {@code COLLATE} name, or {@code null}
 * @param constraints constraints declared on the column ({@code PRIMARY KEY}, {@code UNIQUE},
 *     {@code REFERENCES}, {@code CHECK}), as table constraints over this one column
 */
public record ColumnDefinition(
    String name,
    DataType type,
    boolean notNull,
    SqlExpression defaultValue,
    Identity identity,
    GeneratedColumn generated,
    String collation,
    List<ConstraintDefinition> constraints) {

  public ColumnDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    constraints = List.copyOf(constraints);
  }

  /** Whether a {@code DEFAULT} was declared. */
  public boolean hasDefault() {
    return defaultValue != null;
  }
}
