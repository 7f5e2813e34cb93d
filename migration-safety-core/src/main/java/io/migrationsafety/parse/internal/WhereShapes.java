package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.WhereClause;
import io.migrationsafety.operation.WhereShape;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Reads the shape of an UPDATE's or DELETE's WHERE: whether it bounds the rows touched.
 *
 * <p>The condition is split into its top-level AND terms, and each term classified:
 * {@code col = const}, {@code col IN (consts)}, {@code col = ANY(ARRAY[consts])} are lookups;
 * {@code col BETWEEN c1 AND c2} and a pair of {@code >= / >} and {@code < / <=} bounds on one column
 * make a range; {@code col IN (SELECT … LIMIT n)}, {@code col = (SELECT … LIMIT 1)} and
 * {@code ctid = ANY(ARRAY(SELECT ctid … LIMIT n))} take keys from a limited subquery;
 * {@code true} and {@code 1 = 1} are always true. A limited subquery bounds the statement whatever
 * else is ANDed with it, so it wins; then a lookup, then a range. An OR is a lookup only if all its
 * branches are. Anything else is {@link WhereShape#OTHER}: the cautious answer.
 *
 * <p>The condition is parsed with JSqlParser; when it declines (see {@link GuardedJSqlParser}), or
 * misreads {@code IN (…) AND …} as version 5.3 does (see {@link AstScan#hasMisreadIn}),
 * {@link TokenWhereShapes} reads the same shapes from the tokens.
 */
final class WhereShapes {

  /** The kind of one AND term. */
  enum Term { TRUE, LOOKUP, LOWER_BOUND, UPPER_BOUND, RANGE, LIMITED, OTHER }

  /** One classified term: its kind and the column it bounds, if any. */
  record Classified(Term term, String column) {}

  /**
   * What the names in a condition refer to.
   *
   * @param target the names of the statement's target table: its name and its alias
   * @param limited relations known to hold a limited number of rows: CTEs whose query has a LIMIT
   *     ({@code WITH batch AS (SELECT … LIMIT 1000)}), and FROM/USING items that are such a CTE or a
   *     limited subquery; {@code t.id = batch.id} and {@code id IN (SELECT id FROM batch)} take
   *     their keys from them
   */
  record Scope(Set<String> target, Set<String> limited) {

    Scope {
      target = Set.copyOf(target);
      limited = Set.copyOf(limited);
    }
  }

  private WhereShapes() {}

  /**
   * The WHERE clause of the condition {@code where}; only columns of the scope's target, and
   * unqualified ones, count.
   */
  static WhereClause read(TokenSlice where, Scope scope) {
    if (!GuardedJSqlParser.worthParsing(where)) {
      return TokenWhereShapes.read(where, scope);
    }
    WhereClause viaTree = GuardedJSqlParser.expression(where, e -> ofTree(where, e, scope)).orElse(null);
    return viaTree != null ? viaTree : TokenWhereShapes.read(where, scope);
  }

  private static WhereClause ofTree(TokenSlice where, Expression e, Scope scope) {
    if (AstScan.hasMisreadIn(e)) {
      return null; // JSqlParser 5.3 nests what follows IN (…) inside it: read the shape from tokens
    }
    WhereShape shape = shape(e, scope);
    List<String> columns = columns(where, e, scope);
    return new WhereClause(where.text(), shape, columns);
  }

  /** Combines the classified AND terms of a condition into its shape. */
  static WhereShape combine(List<Classified> terms) {
    Set<String> lower = new LinkedHashSet<>();
    Set<String> upper = new LinkedHashSet<>();
    boolean lookup = false;
    boolean range = false;
    boolean allTrue = true;
    for (Classified c : terms) {
      switch (c.term()) {
        case LIMITED:
          return WhereShape.LIMITED_SUBQUERY;
        case LOOKUP:
          lookup = true;
          break;
        case RANGE:
          range = true;
          break;
        case LOWER_BOUND:
          lower.add(c.column());
          break;
        case UPPER_BOUND:
          upper.add(c.column());
          break;
        default:
          break;
      }
      allTrue &= c.term() == Term.TRUE;
    }
    lower.retainAll(upper);
    if (lookup) {
      return WhereShape.KEY_LOOKUP;
    }
    if (range || !lower.isEmpty()) {
      return WhereShape.KEY_RANGE;
    }
    return allTrue && !terms.isEmpty() ? WhereShape.ALWAYS_TRUE : WhereShape.OTHER;
  }

  private static WhereShape shape(Expression e, Scope scope) {
    Expression inner = unwrap(e);
    if (inner instanceof OrExpression or) {
      List<Expression> branches = new ArrayList<>();
      flatten(or, OrExpression.class, branches);
      for (Expression b : branches) {
        if (shape(b, scope) != WhereShape.KEY_LOOKUP) {
          return WhereShape.OTHER;
        }
      }
      return WhereShape.KEY_LOOKUP;
    }
    List<Expression> terms = new ArrayList<>();
    flatten(inner, AndExpression.class, terms);
    List<Classified> classified = new ArrayList<>();
    for (Expression t : terms) {
      Expression term = unwrap(t);
      classified.add(term instanceof OrExpression
          ? new Classified(shape(term, scope) == WhereShape.KEY_LOOKUP ? Term.LOOKUP : Term.OTHER, null)
          : classify(term, scope));
    }
    return combine(classified);
  }

  private static void flatten(Expression e, Class<? extends Expression> operator, List<Expression> out) {
    Expression inner = unwrap(e);
    if (operator.isInstance(inner)) {
      var b = (net.sf.jsqlparser.expression.BinaryExpression) inner;
      flatten(b.getLeftExpression(), operator, out);
      flatten(b.getRightExpression(), operator, out);
    } else {
      out.add(inner);
    }
  }

  /** {@code (x)} → {@code x}. */
  private static Expression unwrap(Expression e) {
    Expression current = e;
    while (current instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
      current = p.get(0);
    }
    return current;
  }

  private static Classified classify(Expression e, Scope scope) {
    if (e instanceof BooleanValue b) {
      return new Classified(b.getValue() ? Term.TRUE : Term.OTHER, null);
    }
    if (e instanceof EqualsTo eq) {
      Expression left = unwrap(eq.getLeftExpression());
      Expression right = unwrap(eq.getRightExpression());
      if (Constants.isLiteral(left) && Constants.isLiteral(right) && left.toString().equals(right.toString())) {
        return new Classified(Term.TRUE, null);
      }
      String column = column(left, scope);
      Expression other = right;
      if (column == null) {
        column = column(right, scope);
        other = left;
      }
      if (column == null) {
        return new Classified(Term.OTHER, null);
      }
      if (isLimitedSubquery(other, scope) || isLimitedColumn(other, scope)) {
        return new Classified(Term.LIMITED, column);
      }
      return new Classified(Constants.isConstant(other) ? Term.LOOKUP : Term.OTHER, column);
    }
    if (e instanceof InExpression in && !in.isNot()) {
      String column = column(unwrap(in.getLeftExpression()), scope);
      Expression right = in.getRightExpression();
      if (column == null) {
        return new Classified(Term.OTHER, null);
      }
      if (isLimitedSubquery(right, scope)) {
        return new Classified(Term.LIMITED, column);
      }
      boolean constants = right instanceof ExpressionList<?> list && !(right instanceof Select)
          && Constants.isConstant(list);
      return new Classified(constants ? Term.LOOKUP : Term.OTHER, column);
    }
    if (e instanceof Between b && !b.isNot()) {
      String column = column(unwrap(b.getLeftExpression()), scope);
      boolean bounded = column != null && Constants.isConstant(b.getBetweenExpressionStart())
          && Constants.isConstant(b.getBetweenExpressionEnd());
      return new Classified(bounded ? Term.RANGE : Term.OTHER, column);
    }
    boolean lowerIfColumnLeft = e instanceof GreaterThan || e instanceof GreaterThanEquals;
    if (lowerIfColumnLeft || e instanceof MinorThan || e instanceof MinorThanEquals) {
      var cmp = (net.sf.jsqlparser.expression.BinaryExpression) e;
      Expression left = unwrap(cmp.getLeftExpression());
      Expression right = unwrap(cmp.getRightExpression());
      String column = column(left, scope);
      if (column != null && Constants.isConstant(right)) {
        return new Classified(lowerIfColumnLeft ? Term.LOWER_BOUND : Term.UPPER_BOUND, column);
      }
      column = column(right, scope);
      if (column != null && Constants.isConstant(left)) {
        return new Classified(lowerIfColumnLeft ? Term.UPPER_BOUND : Term.LOWER_BOUND, column);
      }
    }
    return new Classified(Term.OTHER, null);
  }

  /** The name of the target's column {@code e} refers to, or {@code null}. */
  private static String column(Expression e, Scope scope) {
    if (!(e instanceof Column c) || Constants.isConstant(c)) {
      return null;
    }
    String qualifier = JSqlNames.qualifier(c);
    return qualifier == null || scope.target().contains(qualifier) ? JSqlNames.column(c) : null;
  }

  /**
   * A subquery that returns at most a bounded number of rows: {@code (SELECT … LIMIT n)},
   * {@code ANY(ARRAY(SELECT … LIMIT n))}, {@code ANY(SELECT … LIMIT n)}.
   */
  private static boolean isLimitedSubquery(Expression e, Scope scope) {
    Expression inner = unwrap(e);
    if (inner instanceof Function f && f.getParameters() != null && f.getParameters().size() == 1) {
      String name = JSqlNames.function(f.getMultipartName());
      if (name.equals("any") || name.equals("array") || name.equals("some")) {
        return isLimitedSubquery((Expression) f.getParameters().get(0), scope);
      }
      return false;
    }
    if (inner instanceof AnyComparisonExpression any) {
      return any.getSelect() != null && isLimitedSubquery(any.getSelect(), scope);
    }
    if (inner instanceof ParenthesedSelect p) {
      return isLimited(p, scope) || (p.getSelect() != null && isLimited(p.getSelect(), scope));
    }
    return inner instanceof Select s && isLimited(s, scope);
  }

  /** A column of a limited relation: {@code batch.id} of {@code UPDATE … FROM batch WHERE t.id = batch.id}. */
  private static boolean isLimitedColumn(Expression e, Scope scope) {
    return e instanceof Column c && JSqlNames.qualifier(c) != null && scope.limited().contains(JSqlNames.qualifier(c));
  }

  /** A query with a LIMIT, or one that reads nothing but a limited relation. */
  private static boolean isLimited(Select s, Scope scope) {
    if (s instanceof PlainSelect p && p.getFromItem() instanceof Table t && t.getSchemaName() == null
        && (p.getJoins() == null || p.getJoins().isEmpty()) && scope.limited().contains(JSqlNames.fold(t.getName()))) {
      return true;
    }
    if (s.getLimit() != null) {
      // LIMIT ALL (an AllValue, not a constant) and LIMIT NULL do not limit.
      Expression rows = s.getLimit().getRowCount();
      return rows != null && !(rows instanceof NullValue) && Constants.isConstant(rows);
    }
    return s.getFetch() != null;
  }

  /** The target's columns the condition compares, outside subqueries, in the order written. */
  private static List<String> columns(TokenSlice where, Expression e, Scope scope) {
    List<String> found = new ArrayList<>();
    for (Column c : AstScan.columnsOutsideQueries(e)) {
      String name = column(c, scope);
      if (name != null && !found.contains(name)) {
        found.add(name);
      }
    }
    found.sort(java.util.Comparator.comparingInt(where::firstMention));
    return found;
  }
}
