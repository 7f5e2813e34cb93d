package io.migrationsafety.alembic.internal.python;

import java.util.Objects;

/**
 * One token of a Python file.
 *
 * @param kind what it is
 * @param text its exact source text (for a string: prefix and quotes included)
 * @param line its one-based line
 * @param column its one-based column
 */
public record PyToken(Kind kind, String text, int line, int column) {

  /** The kinds of token the parser needs. */
  public enum Kind { NAME, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT, END }

  public PyToken {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }

  /** Whether this is the operator or delimiter {@code op}. */
  public boolean isOp(String op) {
    return kind == Kind.OP && text.equals(op);
  }

  /** Whether this is the name or keyword {@code name}. */
  public boolean isName(String name) {
    return kind == Kind.NAME && text.equals(name);
  }
}
