package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.sql.SqlStatement;
import io.migrationsafety.sql.Token;
import io.migrationsafety.sql.TokenType;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tokens of one statement from left to right, for the recursive-descent parsers of each
 * statement family. Key words are matched case-insensitively and only against unquoted
 * identifiers, as PostgreSQL does ({@code "table"} is a name, {@code TABLE} a key word).
 */
public final class TokenCursor {

  private final List<Token> tokens;
  private final String source;
  private final int sourceOffset;
  private int index;

  /** A cursor at the start of {@code statement}. */
  public TokenCursor(SqlStatement statement) {
    this.tokens = statement.tokens();
    this.source = statement.text();
    this.sourceOffset = statement.span().start().offset();
  }

  /** Whether every token has been read. */
  public boolean atEnd() {
    return index >= tokens.size();
  }

  /** The current token, or {@code null} at the end. */
  public Token peek() {
    return peek(0);
  }

  /** The token {@code ahead} places after the current one, or {@code null} past the end. */
  public Token peek(int ahead) {
    int i = index + ahead;
    return i < tokens.size() ? tokens.get(i) : null;
  }

  /** Reads and returns the current token; fails at the end. */
  public Token next() {
    if (atEnd()) {
      throw fail("unexpected end of statement");
    }
    return tokens.get(index++);
  }

  /** The position, to come back to with {@link #reset(int)}. */
  public int mark() {
    return index;
  }

  /** Goes back to a position from {@link #mark()}. */
  public void reset(int mark) {
    index = mark;
  }

  /** Whether the next tokens are the key words {@code words}, in order. */
  public boolean is(String... words) {
    for (int i = 0; i < words.length; i++) {
      Token t = peek(i);
      if (t == null || !t.is(words[i])) {
        return false;
      }
    }
    return true;
  }

  /** Whether the current token is one of the key words {@code words}. */
  public boolean isAny(String... words) {
    Token t = peek();
    if (t == null) {
      return false;
    }
    for (String w : words) {
      if (t.is(w)) {
        return true;
      }
    }
    return false;
  }

  /** Reads the key words {@code words} if they come next; says whether they did. */
  public boolean accept(String... words) {
    if (is(words)) {
      index += words.length;
      return true;
    }
    return false;
  }

  /** Reads the key words {@code words}; fails if they do not come next. */
  public void expect(String... words) {
    if (!accept(words)) {
      throw fail("expected " + String.join(" ", words).toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** Whether the current token is the symbol {@code symbol}. */
  public boolean isSymbol(String symbol) {
    Token t = peek();
    return t != null && t.isSymbol(symbol);
  }

  /** Reads the symbol if it comes next; says whether it did. */
  public boolean acceptSymbol(String symbol) {
    if (isSymbol(symbol)) {
      index++;
      return true;
    }
    return false;
  }

  /** Reads the symbol; fails if it does not come next. */
  public void expectSymbol(String symbol) {
    if (!acceptSymbol(symbol)) {
      throw fail("expected '" + symbol + "'");
    }
  }

  /** Reads {@code IF EXISTS} if present. */
  public boolean acceptIfExists() {
    return accept("if", "exists");
  }

  /** Reads {@code IF NOT EXISTS} if present. */
  public boolean acceptIfNotExists() {
    return accept("if", "not", "exists");
  }

  /** Whether the current token is a name (quoted or not). */
  public boolean isName() {
    Token t = peek();
    return t != null && t.isName();
  }

  /** Reads a name and returns it as PostgreSQL resolves it. */
  public String name() {
    Token t = peek();
    if (t == null || !t.isName()) {
      throw fail("expected a name");
    }
    index++;
    return t.identifier();
  }

  /**
   * Reads a dotted name ({@code name}, {@code schema.name} or {@code db.schema.name}; the database
   * part is dropped, as PostgreSQL only accepts the current database).
   */
  public QualifiedName qualifiedName() {
    List<String> parts = new ArrayList<>(3);
    parts.add(name());
    while (isSymbol(".") && peek(1) != null && peek(1).isName()) {
      index++;
      parts.add(name());
    }
    int n = parts.size();
    return n == 1 ? QualifiedName.of(parts.get(0)) : QualifiedName.of(parts.get(n - 2), parts.get(n - 1));
  }

  /** Reads {@code name [, name …]}. */
  public List<QualifiedName> qualifiedNameList() {
    List<QualifiedName> names = new ArrayList<>();
    do {
      names.add(qualifiedName());
    } while (acceptSymbol(","));
    return names;
  }

  /** Reads {@code ( name [, name …] )}. */
  public List<String> parenthesizedNames() {
    expectSymbol("(");
    List<String> names = new ArrayList<>();
    if (!isSymbol(")")) {
      do {
        names.add(name());
      } while (acceptSymbol(","));
    }
    expectSymbol(")");
    return names;
  }

  /** Reads a string constant and returns its value. */
  public String string() {
    Token t = peek();
    if (t == null || (t.type() != TokenType.STRING && t.type() != TokenType.DOLLAR_STRING)) {
      throw fail("expected a string constant");
    }
    index++;
    return t.stringValue();
  }

  /** Whether the current token is a string constant. */
  public boolean isString() {
    Token t = peek();
    return t != null && (t.type() == TokenType.STRING || t.type() == TokenType.DOLLAR_STRING);
  }

  /**
   * Reads tokens up to (not including) the first one at parenthesis depth 0 for which
   * {@code stop} holds, or to the end, and returns their exact source text ("" when none).
   */
  public String textUntil(Stop stop) {
    int start = index;
    int depth = 0;
    while (!atEnd()) {
      Token t = peek();
      if (depth == 0 && stop.at(this)) {
        break;
      }
      if (t.type() == TokenType.LEFT_PAREN || t.type() == TokenType.LEFT_BRACKET) {
        depth++;
      } else if (t.type() == TokenType.RIGHT_PAREN || t.type() == TokenType.RIGHT_BRACKET) {
        if (depth == 0) {
          break;
        }
        depth--;
      }
      index++;
    }
    return textBetween(start, index);
  }

  /** Reads a parenthesized group and returns the text inside the parentheses. */
  public String parenthesized() {
    expectSymbol("(");
    String inside = textUntil(c -> false);
    expectSymbol(")");
    return inside;
  }

  /** Reads to the end of the statement and returns the text. */
  public String rest() {
    return textUntil(c -> false);
  }

  /** The exact source text of the tokens from {@code start} (inclusive) to {@code end} (exclusive). */
  public String textBetween(int start, int end) {
    if (end <= start) {
      return "";
    }
    Token first = tokens.get(start);
    Token last = tokens.get(end - 1);
    return source.substring(first.offset() - sourceOffset, last.endOffset() - sourceOffset);
  }

  /** Fails unless every token has been read. */
  public void expectEnd() {
    if (!atEnd()) {
      throw fail("unexpected '" + peek().text() + "'");
    }
  }

  /** A parse failure at the current token, to be thrown by the caller. */
  public ParseFailure fail(String problem) {
    Token t = peek();
    if (t == null) {
      return new ParseFailure(problem + " at the end of the statement");
    }
    return new ParseFailure(problem + " at line " + t.line() + ", column " + t.column()
        + (problem.startsWith("unexpected") ? "" : " (found '" + abbreviate(t.text()) + "')"));
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  /** A condition that ends {@link #textUntil(Stop)}. */
  @FunctionalInterface
  public interface Stop {
    /** Whether reading stops before the cursor's current token. */
    boolean at(TokenCursor cursor);
  }
}
