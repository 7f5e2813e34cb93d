package io.migrationsafety.operation;

/**
 * How an expression behaves across rows and calls, as PostgreSQL classifies functions
 * (CREATE FUNCTION: IMMUTABLE, STABLE, VOLATILE). It decides, for example, whether
 * {@code ADD COLUMN … DEFAULT expr} can use a stored fast default (non-volatile, PostgreSQL 11+)
 * or must rewrite the table (volatile).
 */
public enum Volatility {
  /** Same result for the same arguments, always: constants, immutable casts and operators. */
  IMMUTABLE,
  /** Same result within one statement: {@code now()}, {@code current_timestamp}. */
  STABLE,
  /** May differ on every call: {@code random()}, {@code clock_timestamp()}, {@code nextval()}. */
  VOLATILE,
  /** Calls something this library does not know (a user function): treated as volatile. */
  UNKNOWN;

  /** Whether the expression may give a different value for every row. Unknown counts as yes. */
  public boolean mayDifferPerRow() {
    return this == VOLATILE || this == UNKNOWN;
  }

  /** The less predictable of the two. */
  public Volatility and(Volatility other) {
    return ordinal() >= other.ordinal() ? this : other;
  }
}
