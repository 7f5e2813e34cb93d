package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE …}; the body is kept as text.
 *
 * @param routineType {@code FUNCTION} or {@code PROCEDURE}
 * @param name the routine
 * @param orReplace {@code OR REPLACE}
 * @param arguments the argument list as written, without its parentheses
 * @param returns the {@code RETURNS} clause as written, or {@code null}
 * @param language the language, lower-cased ({@code sql} for {@code BEGIN ATOMIC} bodies), or {@code null}
 * @param declaredVolatility {@code IMMUTABLE}, {@code STABLE} or {@code VOLATILE} as declared ({@code VOLATILE} when not written)
 * @param body the body: the dollar-quoted text, or the {@code BEGIN ATOMIC … END} block
 */
public record CreateFunction(
    ObjectType routineType,
    QualifiedName name,
    boolean orReplace,
    String arguments,
    String returns,
    String language,
    Volatility declaredVolatility,
    String body) implements Operation {

  public CreateFunction {
    Objects.requireNonNull(routineType, "routineType");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arguments, "arguments");
    Objects.requireNonNull(declaredVolatility, "declaredVolatility");
    Objects.requireNonNull(body, "body");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.CREATE_FUNCTION;
  }
}
