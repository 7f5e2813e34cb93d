package io.migrationsafety.schema;

import io.migrationsafety.operation.QualifiedName;
import java.util.Objects;

/**
 * A sequence.
 *
 * @param name its schema-qualified name
 * @param ownedBy the column that owns it ({@code table.column}, as for serial and identity
 *     columns), or {@code null}
 */
public record Sequence(QualifiedName name, String ownedBy) {

  public Sequence {
    Objects.requireNonNull(name, "name");
  }
}
