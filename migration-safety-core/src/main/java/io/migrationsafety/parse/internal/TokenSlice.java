package io.migrationsafety.parse.internal;

import io.migrationsafety.sql.SourcePosition;
import io.migrationsafety.sql.SourceSpan;
import io.migrationsafety.sql.SqlStatement;
import io.migrationsafety.sql.Token;
import io.migrationsafety.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A run of tokens of one statement (comments left out) with the source text they came from: the
 * whole statement, a CTE body, a WHERE condition. The DML readers cut statements into slices, read
 * each slice with JSqlParser or with a {@link TokenCursor}, and quote a slice's text as written.
 */
final class TokenSlice {

  private final List<Token> tokens;
  private final String source;
  private final int sourceOffset;

  private TokenSlice(List<Token> tokens, String source, int sourceOffset) {
    this.tokens = tokens;
    this.source = source;
    this.sourceOffset = sourceOffset;
  }

  /** The tokens from the cursor's position to the end of its statement. */
  static TokenSlice rest(TokenCursor cursor) {
    int start = cursor.mark();
    List<Token> tokens = new ArrayList<>();
    for (int i = 0; cursor.peek(i) != null; i++) {
      tokens.add(cursor.peek(i));
    }
    if (tokens.isEmpty()) {
      return new TokenSlice(List.of(), "", 0);
    }
    String text = cursor.textBetween(start, start + tokens.size());
    return new TokenSlice(List.copyOf(tokens), text, tokens.get(0).offset());
  }

  /** The tokens of {@code source} (as returned by the lexer), without comments. */
  static TokenSlice of(String source, List<Token> lexed) {
    List<Token> tokens = new ArrayList<>(lexed.size());
    for (Token t : lexed) {
      if (!t.type().isComment()) {
        tokens.add(t);
      }
    }
    return new TokenSlice(List.copyOf(tokens), source, 0);
  }

  int size() {
    return tokens.size();
  }

  boolean isEmpty() {
    return tokens.isEmpty();
  }

  Token get(int i) {
    return tokens.get(i);
  }

  List<Token> tokens() {
    return tokens;
  }

  /** Whether token {@code i} exists and is the key word {@code word}. */
  boolean is(int i, String word) {
    return i >= 0 && i < tokens.size() && tokens.get(i).is(word);
  }

  /** Whether token {@code i} exists and is the symbol {@code symbol}. */
  boolean isSymbol(int i, String symbol) {
    return i >= 0 && i < tokens.size() && tokens.get(i).isSymbol(symbol);
  }

  /** Whether token {@code i} exists and is a name. */
  boolean isName(int i) {
    return i >= 0 && i < tokens.size() && tokens.get(i).isName();
  }

  /** The tokens from {@code from} (inclusive) to {@code to} (exclusive). */
  TokenSlice slice(int from, int to) {
    return new TokenSlice(tokens.subList(from, to), source, sourceOffset);
  }

  /** The exact source text of the slice. */
  String text() {
    return text(0, tokens.size());
  }

  /** The exact source text of the tokens from {@code from} to {@code to} (exclusive). */
  String text(int from, int to) {
    if (to <= from) {
      return "";
    }
    return source.substring(tokens.get(from).offset() - sourceOffset, tokens.get(to - 1).endOffset() - sourceOffset);
  }

  /** A cursor over this slice, for the recursive-descent readers. */
  TokenCursor cursor() {
    return new TokenCursor(statement());
  }

  /** This slice as a statement of its own (the statement under EXPLAIN), for {@link StatementParser}. */
  SqlStatement statement() {
    if (tokens.isEmpty()) {
      return new SqlStatement(0, SqlStatement.Kind.SQL, "",
          new SourceSpan(SourcePosition.START, SourcePosition.START), List.of(), List.of(), true);
    }
    Token first = tokens.get(0);
    Token last = tokens.get(tokens.size() - 1);
    return new SqlStatement(0, SqlStatement.Kind.SQL, text(), new SourceSpan(first.start(), last.end()), tokens,
        List.of(), true);
  }

  /**
   * The index of the bracket that closes the one at {@code open} ({@code (} or {@code [}), or
   * {@link #size()} when it is never closed.
   */
  int closing(int open) {
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
    return tokens.size();
  }

  /** The index of the bracket that opens the one closing at {@code close}, or -1. */
  int opening(int close) {
    int depth = 0;
    for (int i = close; i >= 0; i--) {
      TokenType type = tokens.get(i).type();
      if (type == TokenType.RIGHT_PAREN || type == TokenType.RIGHT_BRACKET) {
        depth++;
      } else if (type == TokenType.LEFT_PAREN || type == TokenType.LEFT_BRACKET) {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }

  /**
   * The first index from {@code from} at bracket depth 0 (relative to {@code from}) where
   * {@code at} holds, or {@link #size()}. Stops early, returning that index, at a closing bracket
   * that was not opened after {@code from}.
   */
  int find(int from, IntPredicate at) {
    int depth = 0;
    for (int i = from; i < tokens.size(); i++) {
      TokenType type = tokens.get(i).type();
      if (depth == 0 && at.test(i)) {
        return i;
      }
      if (type == TokenType.LEFT_PAREN || type == TokenType.LEFT_BRACKET) {
        depth++;
      } else if (type == TokenType.RIGHT_PAREN || type == TokenType.RIGHT_BRACKET) {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
    }
    return tokens.size();
  }

  /** The first index from {@code from} at depth 0 holding one of the key words, or {@link #size()}. */
  int findWord(int from, String... words) {
    return find(from, i -> {
      for (String w : words) {
        if (tokens.get(i).is(w)) {
          return true;
        }
      }
      return false;
    });
  }

  /** The parts between top-level commas (one part, this slice, when there is none). */
  List<TokenSlice> commaSeparated() {
    List<TokenSlice> parts = new ArrayList<>();
    int start = 0;
    while (start <= tokens.size()) {
      int comma = find(start, i -> tokens.get(i).type() == TokenType.COMMA);
      parts.add(slice(start, Math.min(comma, tokens.size())));
      start = comma + 1;
    }
    return parts;
  }

  /** The deepest bracket nesting; -1 when brackets do not balance. */
  int nesting() {
    int depth = 0;
    int max = 0;
    for (Token t : tokens) {
      if (t.type() == TokenType.LEFT_PAREN || t.type() == TokenType.LEFT_BRACKET) {
        max = Math.max(max, ++depth);
      } else if (t.type() == TokenType.RIGHT_PAREN || t.type() == TokenType.RIGHT_BRACKET) {
        if (--depth < 0) {
          return -1;
        }
      }
    }
    return depth == 0 ? max : -1;
  }

  /** How deeply subqueries nest: {@code (SELECT …)}, {@code (WITH …)}, {@code (VALUES …)}. */
  int subqueryNesting() {
    int max = 0;
    List<Boolean> stack = new ArrayList<>();
    int queries = 0;
    for (int i = 0; i < tokens.size(); i++) {
      TokenType type = tokens.get(i).type();
      if (type == TokenType.LEFT_PAREN || type == TokenType.LEFT_BRACKET) {
        boolean query = is(i + 1, "select") || is(i + 1, "with") || is(i + 1, "values");
        stack.add(query);
        if (query) {
          max = Math.max(max, ++queries);
        }
      } else if ((type == TokenType.RIGHT_PAREN || type == TokenType.RIGHT_BRACKET) && !stack.isEmpty()) {
        if (stack.remove(stack.size() - 1)) {
          queries--;
        }
      }
    }
    return max;
  }

  /**
   * The index of the first name token whose last dotted part is {@code name} (compared as
   * PostgreSQL resolves names), or {@link Integer#MAX_VALUE}: orders what JSqlParser found as it
   * was written.
   */
  int firstMention(String name) {
    int dot = name.lastIndexOf('.');
    String last = dot < 0 ? name : name.substring(dot + 1);
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isName() && t.identifier().equals(last)) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }

  @Override
  public String toString() {
    return text();
  }
}
