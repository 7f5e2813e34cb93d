package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code CREATE [TEMP|UNLOGGED] SEQUENCE [IF NOT EXISTS] name …}.
 *
 * @param name the sequence
 * @param ifNotExists {@code IF NOT EXISTS}
 * @param options the options ({@code AS}, {@code INCREMENT}, {@code START}…) as written
 * @param ownedBy the {@code OWNED BY} column as written, or {@code null}
 */
public record CreateSequence(
    QualifiedName name,
    boolean ifNotExists,
    String options,
    String ownedBy) implements Operation {

  public CreateSequence {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(options, "options");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.CREATE_SEQUENCE;
  }
}
