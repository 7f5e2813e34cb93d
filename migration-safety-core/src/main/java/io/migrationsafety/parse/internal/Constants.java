package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.Volatility;
import io.migrationsafety.sql.Token;
import io.migrationsafety.sql.TokenType;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;

/**
 * Two notions of "a value that is not computed from rows", on JSqlParser trees and on tokens.
 * <ul>
 *   <li>A <em>literal</em> is written out in the statement: numbers, strings, {@code NULL},
 *       {@code DEFAULT}, {@code true/false}, negative numbers, casts and typed literals of these
 *       ({@code '{}'::jsonb}, {@code interval '1 day'}), {@code ARRAY[…]} of these. An
 *       {@code INSERT … VALUES} of literals only is seed data of known size.</li>
 *   <li>A <em>constant</em> has the same value for every row of the statement: literals,
 *       parameters, arithmetic on constants, and calls of built-in functions that are not volatile
 *       ({@code now() - interval '30 days'}). A comparison of a column with a constant is what
 *       makes a WHERE a key lookup or a range.</li>
 * </ul>
 */
final class Constants {

  /** Key words that start a typed literal ({@code interval '1 day'}, {@code date '2024-01-01'}). */
  private static final Set<String> TYPED_LITERAL_WORDS = Set.of(
      "interval", "date", "time", "timestamp", "timestamptz", "with", "without", "zone");

  private Constants() {}

  /** Whether the tree is a literal. */
  static boolean isLiteral(Expression e) {
    if (e instanceof StringValue || e instanceof LongValue || e instanceof DoubleValue || e instanceof HexValue
        || e instanceof NullValue || e instanceof BooleanValue || e instanceof DateTimeLiteralExpression) {
      return true;
    }
    if (e instanceof SignedExpression s) {
      return isLiteral(s.getExpression());
    }
    if (e instanceof CastExpression c) {
      return c.getLeftExpression() != null && isLiteral(c.getLeftExpression());
    }
    if (e instanceof IntervalExpression i) {
      return i.getExpression() == null || isLiteral(i.getExpression());
    }
    if (e instanceof ArrayConstructor a) {
      return a.getExpressions() == null || all(a.getExpressions(), true);
    }
    if (e instanceof ExpressionList<?> list) {
      return all(list, true); // a parenthesized value or a whole row
    }
    if (e instanceof Column c) {
      return JSqlNames.qualifier(c) == null && "default".equalsIgnoreCase(c.getColumnName());
    }
    return false;
  }

  /** Whether the tree is a constant. */
  static boolean isConstant(Expression e) {
    if (isLiteral(e)) {
      return !(e instanceof Column); // DEFAULT is a literal of VALUES, not a value to compare with
    }
    if (e instanceof JdbcParameter || e instanceof TimeKeyExpression) {
      return true;
    }
    if (e instanceof SignedExpression s) {
      return isConstant(s.getExpression());
    }
    if (e instanceof CastExpression c) {
      return c.getLeftExpression() != null && isConstant(c.getLeftExpression());
    }
    if (e instanceof Addition || e instanceof Subtraction || e instanceof Multiplication || e instanceof Division
        || e instanceof Modulo || e instanceof Concat) {
      var b = (net.sf.jsqlparser.expression.BinaryExpression) e;
      return isConstant(b.getLeftExpression()) && isConstant(b.getRightExpression());
    }
    if (e instanceof ArrayConstructor a) {
      return a.getExpressions() == null || all(a.getExpressions(), false);
    }
    if (e instanceof ExpressionList<?> list) {
      return all(list, false);
    }
    if (e instanceof Column c) {
      return JSqlNames.qualifier(c) == null && !JSqlNames.isQuoted(c.getColumnName())
          && FunctionVolatility.KEYWORD_FUNCTIONS.contains(c.getColumnName().toLowerCase(Locale.ROOT));
    }
    if (e instanceof Function f) {
      String name = JSqlNames.function(f.getMultipartName());
      boolean syntax = FunctionVolatility.NOT_FUNCTIONS.contains(name);
      if (!syntax && !isStable(FunctionVolatility.of(name))) {
        return false;
      }
      return f.getParameters() == null || all(f.getParameters(), false);
    }
    return false;
  }

  private static boolean all(Collection<? extends Expression> values, boolean literal) {
    for (Expression v : values) {
      if (v == null || !(literal ? isLiteral(v) : isConstant(v))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isStable(Volatility v) {
    return v == Volatility.IMMUTABLE || v == Volatility.STABLE;
  }

  /** Whether the tokens are one literal (see the class comment). */
  static boolean isLiteral(TokenSlice s) {
    return check(s, true);
  }

  /** Whether the tokens are one constant (see the class comment). */
  static boolean isConstant(TokenSlice s) {
    return check(s, false);
  }

  private static boolean check(TokenSlice s, boolean literal) {
    if (s.isEmpty() || s.nesting() < 0) {
      return false;
    }
    for (int i = 0; i < s.size(); i++) {
      Token t = s.get(i);
      switch (t.type()) {
        case STRING, DOLLAR_STRING, NUMBER, LEFT_PAREN, RIGHT_PAREN, LEFT_BRACKET, RIGHT_BRACKET, COMMA:
          break;
        case PARAMETER:
          if (literal) {
            return false;
          }
          break;
        case DOUBLE_COLON:
          i = TokenFunctions.skipCastType(s, i + 1);
          break;
        case COLON:
          // A psql variable (:name, :'name'): substituted before the statement runs.
          if (literal || i + 1 >= s.size() || !(s.get(i + 1).isName() || s.get(i + 1).type() == TokenType.STRING)) {
            return false;
          }
          i++;
          break;
        case OPERATOR:
          if (!operatorAllowed(s, i, literal)) {
            return false;
          }
          break;
        case IDENTIFIER, QUOTED_IDENTIFIER: {
          int skip = name(s, i, literal);
          if (skip < 0) {
            return false;
          }
          i = skip;
          break;
        }
        default:
          return false;
      }
    }
    return true;
  }

  private static boolean operatorAllowed(TokenSlice s, int i, boolean literal) {
    String op = s.get(i).text();
    boolean prefix = i == 0 || s.get(i - 1).type() == TokenType.LEFT_PAREN
        || s.get(i - 1).type() == TokenType.LEFT_BRACKET || s.get(i - 1).type() == TokenType.COMMA;
    if (prefix && (op.equals("-") || op.equals("+"))) {
      return true;
    }
    return !literal && Set.of("+", "-", "*", "/", "%", "||").contains(op);
  }

  /** Checks the name at {@code i}; returns the index of its last token, or -1 if it is not allowed. */
  private static int name(TokenSlice s, int i, boolean literal) {
    Token t = s.get(i);
    String word = t.type() == TokenType.IDENTIFIER ? t.identifier() : null;
    if (word != null) {
      if (word.equals("null") || word.equals("true") || word.equals("false")) {
        return i;
      }
      if (word.equals("default")) {
        return literal && s.size() == 1 ? i : -1;
      }
      if (word.equals("array") && (s.isSymbol(i + 1, "[") || (!literal && s.isSymbol(i + 1, "(") && !s.is(i + 2, "select")))) {
        return i;
      }
      if (TYPED_LITERAL_WORDS.contains(word)) {
        int j = i;
        while (j + 1 < s.size() && (s.get(j + 1).isName() || s.isSymbol(j + 1, "(")
            || s.get(j + 1).type() == TokenType.NUMBER || s.isSymbol(j + 1, ")"))
            && s.get(j + 1).type() != TokenType.STRING) {
          j++;
        }
        return j + 1 < s.size() && s.get(j + 1).type() == TokenType.STRING ? j : -1;
      }
      if (word.equals("collate") && i > 0 && s.isName(i + 1)) {
        int j = i + 1;
        while (s.isSymbol(j + 1, ".") && s.isName(j + 2)) {
          j += 2;
        }
        return j; // COLLATE "C": the value is unchanged, only its ordering
      }
      if (word.equals("cast") && s.isSymbol(i + 1, "(")) {
        int close = s.closing(i + 1);
        int as = s.find(i + 2, k -> s.is(k, "as"));
        if (as >= close) {
          return -1;
        }
        TokenSlice inner = s.slice(i + 2, as);
        return check(inner, literal) ? close : -1;
      }
      if (!literal && FunctionVolatility.KEYWORD_FUNCTIONS.contains(word) && !s.isSymbol(i + 1, "(")) {
        return i;
      }
    }
    if (literal || !s.isSymbol(i + 1, "(")) {
      return -1; // a column, or a call in a literal
    }
    String function = t.identifier();
    boolean syntax = word != null && FunctionVolatility.NOT_FUNCTIONS.contains(word);
    if (!syntax && !isStable(FunctionVolatility.of(function))) {
      return -1;
    }
    if (s.is(i + 2, "select") || s.is(i + 2, "with")) {
      return -1;
    }
    return i; // its arguments are checked as the loop goes on
  }
}
