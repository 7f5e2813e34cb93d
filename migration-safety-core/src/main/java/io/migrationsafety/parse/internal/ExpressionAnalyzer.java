package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.SqlExpression;
import io.migrationsafety.operation.Volatility;
import io.migrationsafety.sql.Lexer;
import io.migrationsafety.sql.Token;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Objects;

/**
 * Finds the functions an expression calls and classifies its volatility, from the volatility
 * PostgreSQL's catalog declares for its built-in functions ({@code pg_proc.provolatile}, see
 * {@link FunctionVolatility}). A function it does not know makes the expression
 * {@link Volatility#UNKNOWN}, which safety analysis treats as volatile. Casts, operators,
 * {@code CASE}, {@code COALESCE}, literals, {@code ARRAY[…]} and typed literals
 * ({@code interval '1 day'}) are immutable.
 *
 * <p>The expression is parsed with JSqlParser, which tells calls from the syntax that merely looks
 * like them. JSqlParser rejects some valid PostgreSQL ({@code COLLATE}, {@code OPERATOR(…)},
 * string continuation across lines, psql variables) and is only given input of bounded size and
 * nesting (see {@link GuardedJSqlParser}); what it does not take is read from the tokens by
 * {@link TokenFunctions}, which errs towards reporting a call. Either way the result has the same
 * form and never loses a call: the token reading reports at least the calls JSqlParser would.
 *
 * <p>Never throws on a string; thread-safe.
 */
public final class ExpressionAnalyzer {

  /**
   * Results by expression text: migrations repeat the same defaults ({@code now()}, {@code 0},
   * {@code gen_random_uuid()}) many times, and analysis is a pure function of the text. Bounded:
   * emptied when full, so memory stays flat on any input.
   */
  private static final int CACHE_LIMIT = 4096;
  private static final Map<String, SqlExpression> CACHE = new ConcurrentHashMap<>();

  private ExpressionAnalyzer() {}

  /** Analyzes an expression given as source text. */
  public static SqlExpression analyze(String sql) {
    Objects.requireNonNull(sql, "sql");
    SqlExpression cached = CACHE.get(sql);
    if (cached != null) {
      return cached;
    }
    SqlExpression result = analyzeUncached(sql);
    if (CACHE.size() >= CACHE_LIMIT) {
      CACHE.clear();
    }
    CACHE.put(sql, result);
    return result;
  }

  private static SqlExpression analyzeUncached(String sql) {
    TokenSlice slice = lex(sql);
    if (slice == null || slice.isEmpty()) {
      return new SqlExpression(sql, Volatility.UNKNOWN, List.of());
    }
    if (!GuardedJSqlParser.worthParsing(slice)) {
      return fromTokens(sql, slice);
    }
    return GuardedJSqlParser.expression(slice, tree -> fromTree(sql, slice, AstScan.of(tree)))
        .orElseGet(() -> fromTokens(sql, slice));
  }

  /** The token-level analysis alone, as used when JSqlParser declines; for tests that compare the two. */
  static SqlExpression analyzeTokens(String sql) {
    TokenSlice slice = lex(sql);
    if (slice == null || slice.isEmpty()) {
      return new SqlExpression(sql, Volatility.UNKNOWN, List.of());
    }
    return fromTokens(sql, slice);
  }

  private static TokenSlice lex(String sql) {
    try {
      List<Token> tokens = Lexer.tokenize(sql, "<expression>");
      return TokenSlice.of(sql, tokens);
    } catch (RuntimeException e) {
      // An unterminated quote or comment: not an expression PostgreSQL would take either.
      return null;
    }
  }

  private static SqlExpression fromTree(String sql, TokenSlice slice, AstScan scan) {
    List<String> functions = scan.functions(slice);
    Volatility volatility = scan.volatility();
    if (scan.hasQuery()) {
      volatility = volatility.and(Volatility.STABLE); // a sub-select's value depends on table contents
    }
    return new SqlExpression(sql, volatility, functions);
  }

  private static SqlExpression fromTokens(String sql, TokenSlice slice) {
    List<TokenFunctions.Call> calls = TokenFunctions.calls(slice);
    List<String> functions = calls.stream().map(TokenFunctions.Call::function).distinct().toList();
    Volatility volatility = TokenFunctions.volatility(calls);
    for (int i = 0; i + 1 < slice.size(); i++) {
      if (slice.isSymbol(i, "(") && (slice.is(i + 1, "select") || slice.is(i + 1, "with"))) {
        volatility = volatility.and(Volatility.STABLE);
      }
    }
    return new SqlExpression(sql, volatility, functions);
  }
}
