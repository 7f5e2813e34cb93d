package io.migrationsafety.operation;

import java.util.List;
import java.util.Objects;

/**
 * The {@code REFERENCES} part of a foreign key.
 *
 * @param table the referenced table
 * @param columns the referenced columns; empty means its primary key
 * @param onDelete the {@code ON DELETE} action ({@code NO_ACTION} when not written)
 * @param onUpdate the {@code ON UPDATE} action ({@code NO_ACTION} when not written)
 * @param match {@code FULL}, {@code PARTIAL} or {@code SIMPLE} (the default)
 */
public record ForeignKeyReference(
    QualifiedName table,
    List<String> columns,
    ReferentialAction onDelete,
    ReferentialAction onUpdate,
    String match) {

  public ForeignKeyReference {
    Objects.requireNonNull(table, "table");
    columns = List.copyOf(columns);
    Objects.requireNonNull(onDelete, "onDelete");
    Objects.requireNonNull(onUpdate, "onUpdate");
    Objects.requireNonNull(match, "match");
  }
}
