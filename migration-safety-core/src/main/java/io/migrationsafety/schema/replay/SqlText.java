package io.migrationsafety.schema.replay;

import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.sql.Lexer;
import io.migrationsafety.sql.Token;
import io.migrationsafety.sql.TokenType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What replay needs to know about expression text (CHECK expressions, index expressions and
 * predicates, partition keys): which columns it mentions, and the same text with a column
 * renamed. Works on PostgreSQL's tokens, so strings, quoted names and comments are never mistaken
 * for column names. Text that does not even lex is treated as mentioning nothing.
 */
final class SqlText {

  private SqlText() {}

  /** The tokens of {@code sql}, without comments; empty when it does not lex. */
  static List<Token> tokens(String sql) {
    try {
      List<Token> tokens = new ArrayList<>();
      for (Token t : Lexer.tokenize(sql, "expression")) {
        if (!t.type().isComment()) {
          tokens.add(t);
        }
      }
      return tokens;
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  /**
   * The columns among {@code columns} that {@code sql} mentions, in order of first mention: names
   * that are not called as functions, not a qualifier ({@code t.} of {@code t.a}) and not a type
   * after {@code ::}.
   */
  static List<String> columnsMentioned(String sql, Collection<String> columns) {
    Set<String> found = new LinkedHashSet<>();
    List<Token> tokens = tokens(sql);
    for (int i = 0; i < tokens.size(); i++) {
      if (isColumnReference(tokens, i)) {
        String name = tokens.get(i).identifier();
        if (columns.contains(name)) {
          found.add(name);
        }
      }
    }
    return List.copyOf(found);
  }

  /** Whether {@code sql} mentions {@code column}. */
  static boolean mentions(String sql, String column) {
    return sql != null && !columnsMentioned(sql, Set.of(column)).isEmpty();
  }

  /** {@code sql} with every reference to column {@code from} spelled {@code to}. */
  static String renameColumn(String sql, String from, String to) {
    if (sql == null) {
      return null;
    }
    List<Token> tokens = tokens(sql);
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (isColumnReference(tokens, i) && t.identifier().equals(from)) {
        out.append(sql, copied, t.offset()).append(QualifiedName.quote(to));
        copied = t.endOffset();
      }
    }
    return copied == 0 ? sql : out.append(sql.substring(copied)).toString();
  }

  private static boolean isColumnReference(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (!t.isName()) {
      return false;
    }
    Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
    Token previous = i > 0 ? tokens.get(i - 1) : null;
    if (next != null && (next.type() == TokenType.LEFT_PAREN || next.type() == TokenType.DOT)) {
      return false;
    }
    return previous == null || previous.type() != TokenType.DOUBLE_COLON;
  }

  /** The index of the token closing the parenthesis or bracket opened at {@code open}, or -1. */
  static int closing(List<Token> tokens, int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      TokenType type = tokens.get(i).type();
      if (type == TokenType.LEFT_PAREN || type == TokenType.LEFT_BRACKET) {
        depth++;
      } else if (type == TokenType.RIGHT_PAREN || type == TokenType.RIGHT_BRACKET) {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }

  /** The source text from token {@code from} to token {@code to}, both included. */
  static String text(String sql, List<Token> tokens, int from, int to) {
    return sql.substring(tokens.get(from).offset(), tokens.get(to).endOffset());
  }

  /**
   * The parts of a dotted name as written ({@code public.orders.id}, {@code "Orders"."Id"}), each
   * resolved as PostgreSQL resolves identifiers; empty when the text is not such a name.
   */
  static List<String> nameParts(String text) {
    if (text == null) {
      return List.of();
    }
    List<Token> tokens = tokens(text);
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (i % 2 == 0 ? !t.isName() : t.type() != TokenType.DOT) {
        return List.of();
      }
      if (i % 2 == 0) {
        parts.add(t.identifier());
      }
    }
    return tokens.size() % 2 == 1 ? List.copyOf(parts) : List.of();
  }
}
