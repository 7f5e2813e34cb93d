package io.migrationsafety.operation;

/**
 * {@code CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role]}.
 *
 * @param name the schema ({@code null} when only {@code AUTHORIZATION} names it)
 * @param ifNotExists {@code IF NOT EXISTS}
 * @param authorization the owner role, or {@code null}
 */
public record CreateSchema(
    String name,
    boolean ifNotExists,
    String authorization) implements Operation {

  @Override
  public OperationKind kind() {
    return OperationKind.CREATE_SCHEMA;
  }
}
