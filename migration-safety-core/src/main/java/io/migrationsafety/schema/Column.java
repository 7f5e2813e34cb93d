package io.migrationsafety.schema;

import io.migrationsafety.operation.DataType;
import io.migrationsafety.operation.GeneratedColumn;
import io.migrationsafety.operation.Identity;
import io.migrationsafety.operation.SqlExpression;
import java.util.Objects;

/**
 * A column of a table.
 *
 * @param name the column name
 * @param type its type
 * @param notNull whether it rejects NULL
 * @param defaultValue its default, or {@code null}
 * @param identity its identity specification, or {@code null}
 * @param generated its generation expression, or {@code null}
 * @param collation its collation when not the type's default, or {@code null}
 */
public record Column(
    String name,
    DataType type,
    boolean notNull,
    SqlExpression defaultValue,
    Identity identity,
    GeneratedColumn generated,
    String collation) {

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** This column with another type. */
  public Column withType(DataType newType) {
    return new Column(name, newType, notNull, defaultValue, identity, generated, collation);
  }

  /** This column with another name. */
  public Column withName(String newName) {
    return new Column(newName, type, notNull, defaultValue, identity, generated, collation);
  }

  /** This column with NOT NULL set or dropped. */
  public Column withNotNull(boolean value) {
    return new Column(name, type, value, defaultValue, identity, generated, collation);
  }

  /** This column with another default ({@code null} drops it). */
  public Column withDefault(SqlExpression value) {
    return new Column(name, type, notNull, value, identity, generated, collation);
  }

  /** This column with another identity ({@code null} drops it). */
  public Column withIdentity(Identity value) {
    return new Column(name, type, value != null || notNull, defaultValue, value, generated, collation);
  }

  /** This column with another generation expression ({@code null} makes it a plain column). */
  public Column withGenerated(GeneratedColumn value) {
    return new Column(name, type, notNull, defaultValue, identity, value, collation);
  }
}
