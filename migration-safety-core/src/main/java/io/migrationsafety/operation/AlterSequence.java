package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER SEQUENCE [IF EXISTS] name …} option changes.
 *
 * @param name the sequence
 * @param ifExists {@code IF EXISTS}
 * @param options the changes as written
 * @param ownedBy the {@code OWNED BY} column as written, or {@code null}
 */
public record AlterSequence(
    QualifiedName name,
    boolean ifExists,
    String options,
    String ownedBy) implements Operation {

  public AlterSequence {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(options, "options");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.ALTER_SEQUENCE;
  }
}
