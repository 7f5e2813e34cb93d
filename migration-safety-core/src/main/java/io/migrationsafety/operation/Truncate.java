package io.migrationsafety.operation;

import java.util.List;

/**
 * {@code TRUNCATE [TABLE] [ONLY] tables [RESTART IDENTITY] [CASCADE]}.
 *
 * @param tables the tables
 * @param restartIdentity {@code RESTART IDENTITY}
 * @param cascade {@code CASCADE}: tables referencing these are emptied too
 */
public record Truncate(
    List<QualifiedName> tables,
    boolean restartIdentity,
    boolean cascade) implements Operation {

  public Truncate {
    tables = List.copyOf(tables);
  }

  @Override
  public OperationKind kind() {
    return OperationKind.TRUNCATE;
  }
}
