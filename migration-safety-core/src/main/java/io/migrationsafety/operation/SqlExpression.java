package io.migrationsafety.operation;

import java.util.List;
import java.util.Objects;

/**
 * An SQL expression as written (a default, a CHECK, an index predicate, a USING cast), with what
 * safety analysis needs to know about it.
 *
 * @param sql the expression's source text
 * @param volatility whether it can differ per row (see {@link Volatility})
 * @param functions the functions it calls, lower-cased, qualified where written so
 */
public record SqlExpression(String sql, Volatility volatility, List<String> functions) {

  public SqlExpression {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(volatility, "volatility");
    functions = List.copyOf(functions);
  }

  /** Whether the expression is the literal {@code NULL}. */
  public boolean isNullLiteral() {
    return sql.trim().equalsIgnoreCase("null");
  }

  @Override
  public String toString() {
    return sql;
  }
}
