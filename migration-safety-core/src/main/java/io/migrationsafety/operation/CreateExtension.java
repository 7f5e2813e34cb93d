package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code CREATE EXTENSION [IF NOT EXISTS] name [WITH] [SCHEMA s] [VERSION v] [CASCADE]}.
 *
 * @param name the extension
 * @param ifNotExists {@code IF NOT EXISTS}
 * @param schema the schema, or {@code null}
 * @param version the version, or {@code null}
 * @param cascade {@code CASCADE}
 */
public record CreateExtension(
    String name,
    boolean ifNotExists,
    String schema,
    String version,
    boolean cascade) implements Operation {

  public CreateExtension {
    Objects.requireNonNull(name, "name");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.CREATE_EXTENSION;
  }
}
