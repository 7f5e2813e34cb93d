package io.migrationsafety.rules;

import io.migrationsafety.sql.SqlStatement;
import io.migrationsafety.sql.Token;
import io.migrationsafety.sql.TokenType;
import java.util.List;
import java.util.function.Predicate;

/**
 * Builds the safe version of a statement from its own text, so that a suggestion is SQL for this
 * very statement, with the user's names, spacing and comments.
 */
public final class StatementText {

  private StatementText() {}

  /**
   * The statement's text with {@code insertion} placed right after the first token at parenthesis
   * depth 0 that {@code after} accepts, or {@code null} when there is no such token.
   */
  public static String insertAfter(SqlStatement statement, Predicate<Token> after, String insertion) {
    Token anchor = firstAtDepthZero(statement.tokens(), after);
    if (anchor == null) {
      return null;
    }
    int cut = anchor.endOffset() - statement.span().start().offset();
    String text = statement.text();
    return text.substring(0, cut) + insertion + text.substring(cut);
  }

  /**
   * The source text from the first token at depth 0 accepted by {@code from} (inclusive) to the
   * first later one accepted by {@code to} (exclusive) or the end, or {@code null} when {@code from}
   * never matches.
   */
  public static String between(SqlStatement statement, Predicate<Token> from, Predicate<Token> to) {
    List<Token> tokens = statement.tokens();
    int depth = 0;
    int start = -1;
    int end = tokens.size();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (depth == 0 && start < 0 && from.test(t)) {
        start = i;
      } else if (depth == 0 && start >= 0 && to.test(t)) {
        end = i;
        break;
      }
      depth += depthChange(t);
    }
    if (start < 0 || end <= start) {
      return null;
    }
    int base = statement.span().start().offset();
    return statement.text().substring(tokens.get(start).offset() - base, tokens.get(end - 1).endOffset() - base);
  }

  private static Token firstAtDepthZero(List<Token> tokens, Predicate<Token> accept) {
    int depth = 0;
    for (Token t : tokens) {
      if (depth == 0 && accept.test(t)) {
        return t;
      }
      depth += depthChange(t);
    }
    return null;
  }

  private static int depthChange(Token t) {
    if (t.type() == TokenType.LEFT_PAREN) {
      return 1;
    }
    return t.type() == TokenType.RIGHT_PAREN ? -1 : 0;
  }
}
