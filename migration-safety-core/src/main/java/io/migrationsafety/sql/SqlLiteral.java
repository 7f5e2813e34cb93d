package io.migrationsafety.sql;

/** Writes PostgreSQL string constants, the counterpart of reading them in the lexer. */
public final class SqlLiteral {

  private SqlLiteral() {}

  /** {@code text} as a standard string constant: {@code it's} gives {@code 'it''s'}. */
  public static String of(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
