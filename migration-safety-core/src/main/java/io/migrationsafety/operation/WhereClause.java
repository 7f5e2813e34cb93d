package io.migrationsafety.operation;

import java.util.List;
import java.util.Objects;

/**
 * The {@code WHERE} of an UPDATE or DELETE.
 *
 * @param sql the condition as written
 * @param shape whether it bounds the rows touched (see {@link WhereShape})
 * @param columns the columns of the target table it compares, lower-cased
 */
public record WhereClause(String sql, WhereShape shape, List<String> columns) {

  public WhereClause {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(shape, "shape");
    columns = List.copyOf(columns);
  }

  /** Whether the condition limits the statement to a batch or a few rows. */
  public boolean isBounded() {
    return shape == WhereShape.KEY_LOOKUP || shape == WhereShape.KEY_RANGE
        || shape == WhereShape.LIMITED_SUBQUERY;
  }
}
