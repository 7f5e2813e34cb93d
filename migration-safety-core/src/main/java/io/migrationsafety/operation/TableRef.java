package io.migrationsafety.operation;

import java.util.Objects;

/**
 * The table an {@code ALTER TABLE} works on.
 *
 * @param name the table
 * @param only {@code ONLY} was written: partitions and child tables are not changed
 * @param ifExists {@code IF EXISTS} was written: a missing table is a notice, not an error
 */
public record TableRef(QualifiedName name, boolean only, boolean ifExists) {

  public TableRef {
    Objects.requireNonNull(name, "name");
  }

  /** A plain reference: no {@code ONLY}, no {@code IF EXISTS}. */
  public static TableRef of(QualifiedName name) {
    return new TableRef(name, false, false);
  }

  @Override
  public String toString() {
    return name.toString();
  }
}
