package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code CREATE POLICY name ON table …} (row-level security).
 *
 * @param name the policy
 * @param table the table
 * @param definition the rest of the statement as written
 */
public record CreatePolicy(
    String name,
    QualifiedName table,
    String definition) implements Operation {

  public CreatePolicy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(definition, "definition");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.CREATE_POLICY;
  }
}
