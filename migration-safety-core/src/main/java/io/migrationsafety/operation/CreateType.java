package io.migrationsafety.operation;

import java.util.List;
import java.util.Objects;

/**
 * {@code CREATE TYPE}: an enum, a composite, a range, or a base type.
 *
 * @param name the type
 * @param typeKind which kind of type
 * @param enumValues the labels of an enum, in order
 * @param attributes the attributes of a composite type
 * @param definition the definition of a range or base type as written, empty otherwise
 */
public record CreateType(
    QualifiedName name,
    TypeKind typeKind,
    List<String> enumValues,
    List<ColumnDefinition> attributes,
    String definition) implements Operation {

  public CreateType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(typeKind, "typeKind");
    Objects.requireNonNull(definition, "definition");
    enumValues = List.copyOf(enumValues);
    attributes = List.copyOf(attributes);
  }

  @Override
  public OperationKind kind() {
    return OperationKind.CREATE_TYPE;
  }
}
