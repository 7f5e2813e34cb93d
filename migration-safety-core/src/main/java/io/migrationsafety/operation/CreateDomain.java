package io.migrationsafety.operation;

import java.util.List;
import java.util.Objects;

/**
 * {@code CREATE DOMAIN name [AS] type …}.
 *
 * @param name the domain
 * @param baseType the underlying type
 * @param notNull {@code NOT NULL}
 * @param defaultValue the {@code DEFAULT}, or {@code null}
 * @param checks its {@code CHECK} constraints
 */
public record CreateDomain(
    QualifiedName name,
    DataType baseType,
    boolean notNull,
    SqlExpression defaultValue,
    List<ConstraintDefinition> checks) implements Operation {

  public CreateDomain {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(baseType, "baseType");
    checks = List.copyOf(checks);
  }

  @Override
  public OperationKind kind() {
    return OperationKind.CREATE_DOMAIN;
  }
}
