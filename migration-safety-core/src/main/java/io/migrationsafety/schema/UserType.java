package io.migrationsafety.schema;

import io.migrationsafety.operation.QualifiedName;
import java.util.List;
import java.util.Objects;

/**
 * A type created by the user: an enum (with its labels in order), a composite, a range, a base
 * type or a domain.
 *
 * @param name its schema-qualified name
 * @param kind what kind of type
 * @param labels the labels of an enum, in order; empty for other kinds
 */
public record UserType(QualifiedName name, Kind kind, List<String> labels) {

  /** The kinds of user type. */
  public enum Kind {
    ENUM,
    COMPOSITE,
    RANGE,
    BASE,
    SHELL,
    DOMAIN
  }

  public UserType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    labels = List.copyOf(labels);
  }

  /** This type with other labels. */
  public UserType withLabels(List<String> newLabels) {
    return new UserType(name, kind, newLabels);
  }

  /** This type under another name. */
  public UserType withName(QualifiedName newName) {
    return new UserType(newName, kind, labels);
  }
}
