package io.migrationsafety.operation;

import java.util.List;
import java.util.Objects;

/**
 * {@code LOCK [TABLE] [ONLY] tables [IN mode MODE] [NOWAIT]}.
 *
 * @param tables the tables
 * @param mode the lock mode, upper case ({@code ACCESS EXCLUSIVE} when not written)
 * @param nowait {@code NOWAIT}
 */
public record LockTable(
    List<QualifiedName> tables,
    String mode,
    boolean nowait) implements Operation {

  public LockTable {
    Objects.requireNonNull(mode, "mode");
    tables = List.copyOf(tables);
  }

  @Override
  public OperationKind kind() {
    return OperationKind.LOCK_TABLE;
  }
}
