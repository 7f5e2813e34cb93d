package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code COMMENT ON <object> name IS 'text' | NULL}.
 *
 * @param objectType the kind of object
 * @param target the commented object as written
 * @param text the comment, or {@code null} for {@code IS NULL}
 */
public record Comment(
    ObjectType objectType,
    String target,
    String text) implements Operation {

  public Comment {
    Objects.requireNonNull(objectType, "objectType");
    Objects.requireNonNull(target, "target");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.COMMENT;
  }
}
