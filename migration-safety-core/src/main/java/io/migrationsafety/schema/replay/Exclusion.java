package io.migrationsafety.schema.replay;

import io.migrationsafety.operation.IndexElement;
import io.migrationsafety.operation.SqlExpression;
import io.migrationsafety.operation.Volatility;
import io.migrationsafety.sql.Token;
import io.migrationsafety.sql.TokenType;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code EXCLUDE} constraint's definition as the parser keeps it
 * ({@code USING gist (room WITH =, during WITH &&) WHERE (predicate)}), taken apart into what its
 * index holds.
 *
 * @param method the index access method
 * @param elements the index keys, without their operators
 * @param predicate the {@code WHERE} predicate, or {@code null}
 */
record Exclusion(String method, List<IndexElement> elements, SqlExpression predicate) {

  /** Reads the definition; {@code null} when it does not have the expected shape. */
  static Exclusion parse(String sql) {
    List<Token> tokens = SqlText.tokens(sql);
    int i = 0;
    String method = "btree";
    if (i + 1 < tokens.size() && tokens.get(i).is("using") && tokens.get(i + 1).isName()) {
      method = tokens.get(i + 1).identifier();
      i += 2;
    }
    if (i >= tokens.size() || tokens.get(i).type() != TokenType.LEFT_PAREN) {
      return null;
    }
    int close = SqlText.closing(tokens, i);
    if (close < 0) {
      return null;
    }
    List<IndexElement> elements = new ArrayList<>();
    int start = i + 1;
    for (int j = start; j <= close; j++) {
      Token t = tokens.get(j);
      if (t.type() == TokenType.LEFT_PAREN || t.type() == TokenType.LEFT_BRACKET) {
        j = SqlText.closing(tokens, j);
        if (j < 0) {
          return null;
        }
      } else if (t.type() == TokenType.COMMA || j == close) {
        IndexElement element = element(sql, tokens, start, lastWith(tokens, start, j) - 1);
        if (element == null) {
          return null;
        }
        elements.add(element);
        start = j + 1;
      }
    }
    SqlExpression predicate = null;
    int where = close + 1;
    if (where < tokens.size() && tokens.get(where).is("where") && where + 1 < tokens.size()) {
      int from = where + 1;
      int to = tokens.size() - 1;
      if (tokens.get(from).type() == TokenType.LEFT_PAREN && SqlText.closing(tokens, from) == to) {
        from++;
        to--;
      }
      predicate = expression(SqlText.text(sql, tokens, from, to));
    }
    return new Exclusion(method, elements, predicate);
  }

  /** The position of the element's last top-level {@code WITH}, or {@code end} when it has none. */
  private static int lastWith(List<Token> tokens, int from, int end) {
    int found = end;
    for (int j = from; j < end; j++) {
      Token t = tokens.get(j);
      if (t.type() == TokenType.LEFT_PAREN) {
        j = SqlText.closing(tokens, j);
      } else if (t.is("with")) {
        found = j;
      }
    }
    return found;
  }

  private static IndexElement element(String sql, List<Token> tokens, int from, int to) {
    if (from > to) {
      return null;
    }
    Token first = tokens.get(from);
    if (first.type() == TokenType.LEFT_PAREN) {
      int close = SqlText.closing(tokens, from);
      return close - 1 < from + 1 ? null
          : new IndexElement(null, expression(SqlText.text(sql, tokens, from + 1, close - 1)), null, null, false, null);
    }
    if (!first.isName()) {
      return null;
    }
    if (from + 1 <= to && tokens.get(from + 1).type() == TokenType.LEFT_PAREN) {
      int close = SqlText.closing(tokens, from + 1);
      return new IndexElement(null, expression(SqlText.text(sql, tokens, from, close)), null, null, false, null);
    }
    return new IndexElement(first.identifier(), null, null, null, false, null);
  }

  private static SqlExpression expression(String sql) {
    return new SqlExpression(sql, Volatility.IMMUTABLE, List.of());
  }
}
