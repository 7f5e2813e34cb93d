package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.SqlExpression;
import io.migrationsafety.operation.Volatility;
import io.migrationsafety.sql.Lexer;
import io.migrationsafety.sql.SqlSyntaxException;
import io.migrationsafety.sql.Token;
import io.migrationsafety.sql.TokenType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the functions an expression calls and classifies its volatility, from the volatility
 * PostgreSQL's catalog declares for its built-in functions ({@code pg_proc.provolatile}).
 * A function it does not know makes the expression {@link Volatility#UNKNOWN}, which safety
 * analysis treats as volatile.
 */
public final class ExpressionAnalyzer {

  private ExpressionAnalyzer() {}

  /** Analyzes an expression given as source text. */
  public static SqlExpression analyze(String sql) {
    List<Token> tokens;
    try {
      tokens = Lexer.tokenize(sql, "<expression>");
    } catch (SqlSyntaxException e) {
      return new SqlExpression(sql, Volatility.UNKNOWN, List.of());
    }
    Set<String> functions = new LinkedHashSet<>();
    Volatility volatility = Volatility.IMMUTABLE;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.type() == TokenType.DOUBLE_COLON) {
        i = skipCastType(tokens, i + 1);
        continue;
      }
      if (!t.isName()) {
        continue;
      }
      String name = t.identifier();
      int next = i + 1;
      String qualified = name;
      if (next + 1 < tokens.size() && tokens.get(next).type() == TokenType.DOT && tokens.get(next + 1).isName()) {
        qualified = name + "." + tokens.get(next + 1).identifier();
        next += 2;
      }
      boolean call = next < tokens.size() && tokens.get(next).type() == TokenType.LEFT_PAREN;
      if (call && t.type() == TokenType.IDENTIFIER && FunctionVolatility.NOT_FUNCTIONS.contains(name)) {
        continue;
      }
      if (call) {
        functions.add(qualified);
        volatility = volatility.and(FunctionVolatility.of(qualified));
        i = next - 1;
      } else if (t.type() == TokenType.IDENTIFIER && FunctionVolatility.KEYWORD_FUNCTIONS.contains(name)) {
        functions.add(name);
        volatility = volatility.and(FunctionVolatility.of(name));
      }
    }
    return new SqlExpression(sql, volatility, new ArrayList<>(functions));
  }

  /** Skips the type name after {@code ::}, including modifiers and array brackets. */
  private static int skipCastType(List<Token> tokens, int i) {
    int depth = 0;
    int last = i - 1;
    for (int j = i; j < tokens.size(); j++) {
      Token t = tokens.get(j);
      if (depth == 0 && j > i && t.isName() && !isTypeContinuation(t, tokens.get(j - 1))) {
        break;
      }
      if (t.type() == TokenType.LEFT_PAREN || t.type() == TokenType.LEFT_BRACKET) {
        depth++;
      } else if (t.type() == TokenType.RIGHT_PAREN || t.type() == TokenType.RIGHT_BRACKET) {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (depth == 0 && !t.isName() && t.type() != TokenType.DOT) {
        break;
      }
      last = j;
    }
    return last;
  }

  private static boolean isTypeContinuation(Token t, Token previous) {
    String w = t.text().toLowerCase(Locale.ROOT);
    return previous.type() == TokenType.DOT
        || w.equals("varying") || w.equals("precision") || w.equals("with") || w.equals("without")
        || w.equals("time") || w.equals("zone");
  }
}
