package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER DOMAIN …} constraint, default and nullability changes; a new or validated constraint scans every column of the domain's type.
 *
 * @param name the domain
 * @param change what changes
 * @param constraint the added constraint, else {@code null}
 * @param detail the rest of the statement as written
 */
public record AlterDomain(
    QualifiedName name,
    DomainChange change,
    ConstraintDefinition constraint,
    String detail) implements Operation {

  public AlterDomain {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.ALTER_DOMAIN;
  }
}
