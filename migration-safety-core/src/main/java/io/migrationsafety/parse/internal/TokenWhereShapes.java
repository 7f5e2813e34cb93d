package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.WhereClause;
import io.migrationsafety.operation.WhereShape;
import io.migrationsafety.parse.internal.WhereShapes.Classified;
import io.migrationsafety.parse.internal.WhereShapes.Scope;
import io.migrationsafety.parse.internal.WhereShapes.Term;
import io.migrationsafety.sql.Token;
import io.migrationsafety.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The shapes of {@link WhereShapes}, read from tokens: for conditions JSqlParser declines
 * ({@code COLLATE}, {@code OPERATOR(…)}, psql variables, deep nesting). Same terms, same rules;
 * where the tokens leave a doubt the term is {@link Term#OTHER}.
 */
final class TokenWhereShapes {

  private static final Set<String> COMPARISONS = Set.of("=", "<", "<=", ">", ">=");

  /** Key words of conditions, which are never column names. */
  private static final Set<String> WORDS = Set.of(
      "and", "or", "not", "in", "is", "null", "true", "false", "between", "symmetric", "asymmetric",
      "like", "ilike", "similar", "to", "escape", "any", "all", "some", "array", "exists", "distinct",
      "from", "isnull", "notnull", "unknown", "case", "when", "then", "else", "end", "cast", "as",
      "collate", "current", "of", "interval", "date", "time", "timestamp", "with", "without", "zone",
      "at", "overlaps", "row");

  private TokenWhereShapes() {}

  static WhereClause read(TokenSlice where, Scope scope) {
    return new WhereClause(where.text(), shape(where, scope), columns(where, scope));
  }

  private static WhereShape shape(TokenSlice condition, Scope scope) {
    TokenSlice s = unwrap(condition);
    List<TokenSlice> branches = split(s, "or");
    if (branches.size() > 1) {
      for (TokenSlice b : branches) {
        if (shape(b, scope) != WhereShape.KEY_LOOKUP) {
          return WhereShape.OTHER;
        }
      }
      return WhereShape.KEY_LOOKUP;
    }
    List<Classified> terms = new ArrayList<>();
    for (TokenSlice term : split(s, "and")) {
      TokenSlice t = unwrap(term);
      terms.add(split(t, "or").size() > 1
          ? new Classified(shape(t, scope) == WhereShape.KEY_LOOKUP ? Term.LOOKUP : Term.OTHER, null)
          : classify(t, scope));
    }
    return WhereShapes.combine(terms);
  }

  /** {@code ( x )} → {@code x}, as often as the whole slice is one parenthesis. */
  static TokenSlice unwrap(TokenSlice s) {
    TokenSlice current = s;
    while (current.size() >= 2 && current.isSymbol(0, "(") && current.closing(0) == current.size() - 1) {
      current = current.slice(1, current.size() - 1);
    }
    return current;
  }

  /** The parts between top-level key words {@code word}; the AND of a BETWEEN does not split. */
  private static List<TokenSlice> split(TokenSlice s, String word) {
    List<TokenSlice> parts = new ArrayList<>();
    int start = 0;
    boolean inBetween = false;
    int i = 0;
    while (i < s.size()) {
      int at = s.find(i, k -> s.is(k, word) || s.is(k, "between"));
      if (at >= s.size() || !s.get(at).isName()) {
        break; // the end, or a closing parenthesis that does not belong to s
      }
      if (s.is(at, "between")) {
        inBetween = true;
      } else if (inBetween && word.equals("and")) {
        inBetween = false;
      } else {
        parts.add(s.slice(start, at));
        start = at + 1;
      }
      i = at + 1;
    }
    parts.add(s.slice(start, s.size()));
    return parts;
  }

  private static Classified classify(TokenSlice t, Scope scope) {
    if (t.size() == 1 && t.is(0, "true")) {
      return new Classified(Term.TRUE, null);
    }
    int op = t.find(0, k -> (t.get(k).type() == TokenType.OPERATOR && COMPARISONS.contains(t.get(k).text()))
        || t.is(k, "in") || t.is(k, "between") || t.is(k, "not") || t.is(k, "is"));
    if (op == 0 || op >= t.size() || t.is(op, "not") || t.is(op, "is")) {
      return new Classified(Term.OTHER, null);
    }
    TokenSlice left = t.slice(0, op);
    TokenSlice right = t.slice(op + 1, t.size());
    String column = column(left, scope);
    if (t.is(op, "in")) {
      return in(column, right, scope);
    }
    if (t.is(op, "between")) {
      return between(column, right);
    }
    String operator = t.get(op).text();
    if (operator.equals("=") && Constants.isLiteral(left) && Constants.isLiteral(right)
        && left.text().equals(right.text())) {
      return new Classified(Term.TRUE, null);
    }
    TokenSlice other = right;
    boolean columnLeft = column != null;
    if (!columnLeft) {
      column = column(right, scope);
      other = left;
    }
    if (column == null) {
      return new Classified(Term.OTHER, null);
    }
    if (operator.equals("=")) {
      if (isLimitedSubquery(other, scope) || isLimitedColumn(other, scope)) {
        return new Classified(Term.LIMITED, column);
      }
      return new Classified(Constants.isConstant(other) ? Term.LOOKUP : Term.OTHER, column);
    }
    if (!Constants.isConstant(other)) {
      return new Classified(Term.OTHER, column);
    }
    boolean greater = operator.startsWith(">");
    return new Classified(greater == columnLeft ? Term.LOWER_BOUND : Term.UPPER_BOUND, column);
  }

  private static Classified in(String column, TokenSlice list, Scope scope) {
    if (column == null || list.size() < 2 || !list.isSymbol(0, "(") || list.closing(0) != list.size() - 1) {
      return new Classified(Term.OTHER, column);
    }
    if (isLimitedSubquery(list, scope)) {
      return new Classified(Term.LIMITED, column);
    }
    TokenSlice inner = list.slice(1, list.size() - 1);
    if (isQuery(inner)) {
      return new Classified(Term.OTHER, column);
    }
    for (TokenSlice value : inner.commaSeparated()) {
      if (!Constants.isConstant(value)) {
        return new Classified(Term.OTHER, column);
      }
    }
    return new Classified(Term.LOOKUP, column);
  }

  private static Classified between(String column, TokenSlice bounds) {
    int from = bounds.is(0, "symmetric") || bounds.is(0, "asymmetric") ? 1 : 0;
    int and = bounds.findWord(from, "and");
    boolean bounded = column != null && and < bounds.size()
        && Constants.isConstant(bounds.slice(from, and)) && Constants.isConstant(bounds.slice(and + 1, bounds.size()));
    return new Classified(bounded ? Term.RANGE : Term.OTHER, column);
  }

  /** {@code (SELECT … LIMIT n)}, {@code ANY(ARRAY(SELECT … LIMIT n))}, {@code ANY(SELECT … LIMIT n)}. */
  private static boolean isLimitedSubquery(TokenSlice s, Scope scope) {
    if (s.size() >= 3 && (s.is(0, "any") || s.is(0, "some") || s.is(0, "array")) && s.isSymbol(1, "(")
        && s.closing(1) == s.size() - 1) {
      return isLimitedSubquery(s.slice(2, s.size() - 1), scope);
    }
    TokenSlice inner = unwrap(s);
    return isQuery(inner) && (isLimitedQuery(inner) || readsOnly(inner, scope.limited()));
  }

  /** {@code batch.id}, where {@code batch} is a limited relation. */
  private static boolean isLimitedColumn(TokenSlice s, Scope scope) {
    TokenSlice c = unwrap(s);
    return c.size() == 3 && c.isName(0) && c.isSymbol(1, ".") && c.isName(2)
        && scope.limited().contains(c.get(0).identifier());
  }

  /** {@code SELECT … FROM relation [alias] …} with no other FROM item, where the relation is one of {@code names}. */
  private static boolean readsOnly(TokenSlice query, Set<String> names) {
    int from = query.findWord(0, "from");
    if (from + 1 >= query.size() || !query.isName(from + 1) || query.isSymbol(from + 2, ".")
        || !names.contains(query.get(from + 1).identifier())) {
      return false;
    }
    int more = query.find(from + 1, k -> query.isSymbol(k, ",") || query.is(k, "join"));
    return more >= query.size();
  }

  private static boolean isQuery(TokenSlice s) {
    return s.is(0, "select") || s.is(0, "with") || s.is(0, "values") || s.is(0, "table");
  }

  /** Whether a query has a LIMIT or FETCH of its own (not LIMIT ALL). */
  static boolean isLimitedQuery(TokenSlice query) {
    int limit = query.findWord(0, "limit", "fetch");
    if (limit >= query.size() || !query.get(limit).isName()) {
      return false;
    }
    return query.is(limit, "fetch") || !(query.is(limit + 1, "all") || query.is(limit + 1, "null"));
  }

  /** The target's column that {@code s} is exactly ({@code id}, {@code u.id}), or {@code null}. */
  private static String column(TokenSlice s, Scope scope) {
    TokenSlice c = withoutCollation(unwrap(s));
    if (c.size() == 1 && isColumnName(c.get(0))) {
      return c.get(0).identifier();
    }
    if (c.size() >= 3 && c.size() % 2 == 1 && isColumnName(c.get(c.size() - 1))) {
      for (int i = 1; i < c.size(); i += 2) {
        if (!c.isSymbol(i, ".") || !c.isName(i - 1)) {
          return null;
        }
      }
      return scope.target().contains(c.get(c.size() - 3).identifier()) ? c.get(c.size() - 1).identifier() : null;
    }
    return null;
  }

  /** {@code name COLLATE "C"} → {@code name}: the collation changes the order, not the column. */
  private static TokenSlice withoutCollation(TokenSlice s) {
    for (int i = 1; i < s.size(); i++) {
      if (s.is(i, "collate")) {
        return s.slice(0, i);
      }
    }
    return s;
  }

  private static boolean isColumnName(Token t) {
    return t.type() == TokenType.QUOTED_IDENTIFIER
        || (t.type() == TokenType.IDENTIFIER && !WORDS.contains(t.identifier())
            && !FunctionVolatility.KEYWORD_FUNCTIONS.contains(t.identifier()));
  }

  /** The target's columns the condition mentions, outside subqueries, in the order written. */
  private static List<String> columns(TokenSlice s, Scope scope) {
    List<String> found = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      Token t = s.get(i);
      if (t.type() == TokenType.DOUBLE_COLON) {
        i = TokenFunctions.skipCastType(s, i + 1);
      } else if (t.type() == TokenType.LEFT_PAREN && (s.is(i + 1, "select") || s.is(i + 1, "with") || s.is(i + 1, "values"))) {
        i = s.closing(i);
      } else if (t.isName() && !s.isSymbol(i - 1, ".") && !s.is(i - 1, "collate") && !s.is(i - 1, "as")
          && !s.is(i - 1, "of") && !(i > 0 && s.get(i - 1).type() == TokenType.COLON)) {
        int end = i;
        while (s.isSymbol(end + 1, ".") && s.isName(end + 2)) {
          end += 2;
        }
        boolean call = s.isSymbol(end + 1, "(");
        boolean typedLiteral = end + 1 < s.size() && s.get(end + 1).type() == TokenType.STRING;
        String column = call || typedLiteral ? null : column(s.slice(i, end + 1), scope);
        if (column != null && !found.contains(column)) {
          found.add(column);
        }
        i = end;
      }
    }
    return found;
  }
}
