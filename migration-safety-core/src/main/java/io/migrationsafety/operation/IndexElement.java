package io.migrationsafety.operation;

/**
 * One key of an index: a column or an expression, with its operator class and order.
 *
 * @param column the column, or {@code null} for an expression key
 * @param expression the expression of an expression key, or {@code null}
 * @param collation {@code COLLATE} name, or {@code null}
 * @param opclass the operator class, or {@code null}
 * @param descending {@code DESC}
 * @param nullsFirst {@code NULLS FIRST} ({@code true}), {@code NULLS LAST} ({@code false}), or
 *     {@code null} when not written
 */
public record IndexElement(
    String column,
    SqlExpression expression,
    String collation,
    String opclass,
    boolean descending,
    Boolean nullsFirst) {

  public IndexElement {
    if ((column == null) == (expression == null)) {
      throw new IllegalArgumentException("an index key is either a column or an expression");
    }
  }

  /** Whether this key is an expression rather than a plain column. */
  public boolean isExpression() {
    return expression != null;
  }
}
