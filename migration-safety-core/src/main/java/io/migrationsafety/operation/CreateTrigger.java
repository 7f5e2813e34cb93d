package io.migrationsafety.operation;

import java.util.List;
import java.util.Objects;

/**
 * {@code CREATE [OR REPLACE] [CONSTRAINT] TRIGGER name … ON table … EXECUTE FUNCTION f(…)}.
 *
 * @param name the trigger
 * @param table the table
 * @param orReplace {@code OR REPLACE}
 * @param constraintTrigger {@code CONSTRAINT TRIGGER}
 * @param timing {@code BEFORE}, {@code AFTER} or {@code INSTEAD OF}
 * @param events {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code TRUNCATE}
 * @param function the trigger function
 */
public record CreateTrigger(
    String name,
    QualifiedName table,
    boolean orReplace,
    boolean constraintTrigger,
    String timing,
    List<String> events,
    QualifiedName function) implements Operation {

  public CreateTrigger {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(timing, "timing");
    Objects.requireNonNull(function, "function");
    events = List.copyOf(events);
  }

  @Override
  public OperationKind kind() {
    return OperationKind.CREATE_TRIGGER;
  }
}
