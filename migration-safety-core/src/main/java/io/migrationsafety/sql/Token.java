package io.migrationsafety.sql;

import java.util.Locale;
import java.util.Objects;

/**
 * One token of a script, with its exact text and where it starts.
 *
 * <p>Whitespace is not kept as tokens: the text between two tokens is always whitespace.
 */
public record Token(TokenType type, String text, int offset, int line, int column) {

  public Token {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
  }

  /** The offset just after this token. */
  public int endOffset() {
    return offset + text.length();
  }

  /** Where this token starts. */
  public SourcePosition start() {
    return new SourcePosition(offset, line, column);
  }

  /** Where this token ends (exclusive). */
  public SourcePosition end() {
    return start().advance(text);
  }

  /** Whether this is the unquoted key word or identifier {@code word} (compared case-insensitively). */
  public boolean is(String word) {
    return type == TokenType.IDENTIFIER && text.equalsIgnoreCase(word);
  }

  /** Whether this is an operator or punctuation token spelled exactly {@code symbol}. */
  public boolean isSymbol(String symbol) {
    return type != TokenType.IDENTIFIER && type != TokenType.QUOTED_IDENTIFIER
        && type != TokenType.STRING && type != TokenType.DOLLAR_STRING && text.equals(symbol);
  }

  /** Whether this token names something: an unquoted or quoted identifier. */
  public boolean isName() {
    return type == TokenType.IDENTIFIER || type == TokenType.QUOTED_IDENTIFIER;
  }

  /**
   * The identifier as PostgreSQL resolves it: unquoted names fold to lower case, quoted names keep
   * their case with doubled quotes undone. {@code U&"…"} escapes are decoded.
   */
  public String identifier() {
    if (type == TokenType.IDENTIFIER) {
      return text.toLowerCase(Locale.ROOT);
    }
    if (type == TokenType.QUOTED_IDENTIFIER) {
      return Literals.quotedIdentifierValue(text);
    }
    throw new IllegalStateException("not an identifier: " + text);
  }

  /** The value of a string constant, with its quoting and escapes undone. */
  public String stringValue() {
    if (type == TokenType.STRING || type == TokenType.DOLLAR_STRING) {
      return Literals.stringValue(text);
    }
    throw new IllegalStateException("not a string constant: " + text);
  }

  @Override
  public String toString() {
    return type + "(" + text + ")@" + line + ":" + column;
  }
}
