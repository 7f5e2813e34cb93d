package io.migrationsafety.operation;

import java.util.List;
import java.util.Objects;

/**
 * {@code DROP <object> [CONCURRENTLY] [IF EXISTS] names [CASCADE]}.
 *
 * @param objectType the kind of object
 * @param names the dropped objects
 * @param ifExists {@code IF EXISTS}
 * @param cascade {@code CASCADE}: dependent objects go too
 * @param concurrently {@code CONCURRENTLY} ({@code DROP INDEX} only)
 * @param onTable the table of a dropped trigger, policy or rule, else {@code null}
 */
public record Drop(
    ObjectType objectType,
    List<QualifiedName> names,
    boolean ifExists,
    boolean cascade,
    boolean concurrently,
    QualifiedName onTable) implements Operation {

  public Drop {
    Objects.requireNonNull(objectType, "objectType");
    names = List.copyOf(names);
  }

  @Override
  public OperationKind kind() {
    return OperationKind.DROP;
  }
}
