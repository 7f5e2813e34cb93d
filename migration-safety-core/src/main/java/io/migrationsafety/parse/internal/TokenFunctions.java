package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.Volatility;
import io.migrationsafety.sql.Token;
import io.migrationsafety.sql.TokenType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The functions an expression or statement calls, read from its tokens: the fallback for what
 * JSqlParser declines. A name followed by {@code (} is a call unless it is syntax ({@code IN (…)},
 * {@code VALUES (…)}, {@code varchar(10)}), a table with its column list ({@code INSERT INTO t (a)}),
 * an alias with column names ({@code AS g(i)}), or a CTE ({@code WITH x(a) AS (…)}); the types after
 * {@code ::} are skipped; the SQL-standard key-word functions ({@code CURRENT_TIMESTAMP}) count as
 * calls. When in doubt it reports a call: an unknown function makes an expression
 * {@link io.migrationsafety.operation.Volatility#UNKNOWN}, the cautious answer.
 */
final class TokenFunctions {

  /** Statement key words that a parenthesis may follow without making them calls. */
  private static final Set<String> STATEMENT_WORDS = Set.of(
      "select", "from", "join", "where", "having", "by", "set", "conflict", "insert", "update",
      "delete", "merge", "materialized", "lateral", "returning", "into", "with", "recursive", "only",
      "table", "union", "intersect", "except", "limit", "offset", "fetch", "for", "window", "partition",
      "order", "group", "tablesample", "repeatable", "do", "nothing", "matched", "default", "varying",
      "precision", "zone", "of", "to", "copy", "stdin", "stdout", "program", "search", "cycle",
      "rollup", "cube", "grouping", "sets", "escape", "operator");

  /** Words after which a name and a parenthesis are a table or an alias with columns, not a call. */
  private static final Set<String> NAME_INTRODUCERS = Set.of(
      "into", "update", "only", "table", "tablesample", "as", "copy", "references");

  private TokenFunctions() {}

  /** One call: the function, and how many arguments it is given (-1 for a key-word function). */
  record Call(String function, int arguments) {}

  /** The functions called, lower-cased (quoted names as written), qualified where written so, in order. */
  static List<String> in(TokenSlice s) {
    Set<String> names = new LinkedHashSet<>();
    calls(s).forEach(c -> names.add(c.function()));
    return new ArrayList<>(names);
  }

  /** The volatility of the least predictable of {@code calls}. */
  static Volatility volatility(List<Call> calls) {
    Volatility volatility = Volatility.IMMUTABLE;
    for (Call c : calls) {
      volatility = volatility.and(FunctionVolatility.of(c.function(), c.arguments()));
    }
    return volatility;
  }

  /** The calls, in order. */
  static List<Call> calls(TokenSlice s) {
    List<Call> found = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      Token t = s.get(i);
      if (t.type() == TokenType.DOUBLE_COLON) {
        i = skipCastType(s, i + 1);
        continue;
      }
      if (!t.isName() || s.isSymbol(i - 1, ".")) {
        continue;
      }
      int next = i + 1;
      String qualified = t.identifier();
      while (s.isSymbol(next, ".") && s.isName(next + 1)) {
        qualified = qualified + "." + s.get(next + 1).identifier();
        next += 2;
      }
      if (next > i + 1 && !s.isSymbol(next, "(")) {
        i = next - 1; // a dotted column reference such as t.user
        continue;
      }
      boolean call = next < s.size() && s.get(next).type() == TokenType.LEFT_PAREN;
      if (call) {
        if (isCall(s, i, next, t)) {
          found.add(new Call(qualified, arguments(s, next)));
        }
        i = next - 1;
      } else if (t.type() == TokenType.IDENTIFIER
          && FunctionVolatility.KEYWORD_FUNCTIONS.contains(t.identifier())) {
        found.add(new Call(t.identifier(), -1));
      }
    }
    return found;
  }

  /** How many arguments the parenthesis at {@code open} holds: its top-level commas, plus one. */
  private static int arguments(TokenSlice s, int open) {
    int close = s.closing(open);
    if (close == open + 1) {
      return 0;
    }
    return close >= s.size() ? -1 : s.slice(open + 1, close).commaSeparated().size();
  }

  private static boolean isCall(TokenSlice s, int nameStart, int paren, Token name) {
    boolean singleWord = paren == nameStart + 1;
    if (singleWord && name.type() == TokenType.IDENTIFIER) {
      String word = name.identifier();
      if (FunctionVolatility.NOT_FUNCTIONS.contains(word) || STATEMENT_WORDS.contains(word)) {
        return false;
      }
    }
    Token before = nameStart > 0 ? s.get(nameStart - 1) : null;
    if (before != null && before.type() == TokenType.IDENTIFIER && NAME_INTRODUCERS.contains(before.identifier())) {
      return false;
    }
    // f(x) g(i), (SELECT …) s(a, b): an alias with column names; but a OPERATOR(pg_catalog.+) f(x) is a call.
    if (before != null && before.type() == TokenType.RIGHT_PAREN && !s.is(s.opening(nameStart - 1) - 1, "operator")) {
      return false;
    }
    // WITH x (a, b) AS ( … ): a CTE with column names.
    int close = s.closing(paren);
    return !(s.is(close + 1, "as")
        && (s.isSymbol(close + 2, "(") || s.is(close + 2, "materialized") || s.is(close + 2, "not")));
  }

  /**
   * Skips the type name after {@code ::} ({@code timestamp with time zone}, {@code varchar(10)[]},
   * {@code public.my_type}) and returns the index of its last token.
   */
  static int skipCastType(TokenSlice s, int i) {
    int depth = 0;
    int last = i - 1;
    for (int j = i; j < s.size(); j++) {
      Token t = s.get(j);
      if (depth == 0 && j > i && t.isName() && !isTypeContinuation(t, s.get(j - 1))) {
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
