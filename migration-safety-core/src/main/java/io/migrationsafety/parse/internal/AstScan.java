package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Volatility;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NextValExpression;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.TableStatement;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * What a JSqlParser tree calls and reads: the functions (plain, schema-qualified, window and
 * aggregate calls, and the SQL-standard key-word functions such as {@code CURRENT_TIMESTAMP} and
 * {@code CURRENT_USER}), the tables of its FROM and JOIN clauses, whether it locks rows
 * ({@code FOR UPDATE/SHARE}), and the names of its CTEs.
 *
 * <p>Why a reflective walk and not JSqlParser's visitors: its {@code TablesNamesFinder} and visitor
 * adapters skip parts of the tree (RETURNING, ON CONFLICT DO UPDATE, MERGE actions), and a function
 * call missed there would be a volatile call reviewed as harmless. Walking every field of every
 * node reaches all of it by construction, whatever node types a JSqlParser release adds. The walk
 * is iterative (no stack overflow on deep trees) and never enters JSqlParser's parser internals.
 * It needs JSqlParser's classes to be open to reflection, as they are on the class path; where
 * they are not (a strict module path), the walk throws, the guard declines, and the token-level
 * reading takes over.
 */
final class AstScan {

  private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
    @Override
    protected List<Field> computeValue(Class<?> type) {
      List<Field> fields = new ArrayList<>();
      for (Class<?> c = type; c != null && isJSqlParserNode(c); c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
            f.setAccessible(true);
            fields.add(f);
          }
        }
      }
      return List.copyOf(fields);
    }
  };

  private final Set<String> functions = new LinkedHashSet<>();
  private final Set<QualifiedName> tables = new LinkedHashSet<>();
  private final Set<String> cteNames = new LinkedHashSet<>();
  private boolean locking;
  private boolean subquery;
  private Volatility volatility = Volatility.IMMUTABLE;

  private AstScan() {}

  /** Scans the tree under {@code root}. */
  static AstScan of(Object root) {
    AstScan scan = new AstScan();
    scan.walk(root);
    return scan;
  }

  /** The functions called, in the order {@code source} mentions them. */
  List<String> functions(TokenSlice source) {
    return inSourceOrder(functions, source, f -> f);
  }

  /** The tables read in FROM and JOIN, CTE names left out, in the order {@code source} mentions them. */
  List<QualifiedName> tables(TokenSlice source) {
    List<QualifiedName> real = new ArrayList<>();
    for (QualifiedName t : tables) {
      if (t.isQualified() || !cteNames.contains(t.name())) {
        real.add(t);
      }
    }
    return inSourceOrder(real, source, QualifiedName::name);
  }

  /** The volatility of its least predictable call (overloads told apart by argument count). */
  Volatility volatility() {
    return volatility;
  }

  /** Whether it holds a query: its value then depends on table contents. */
  boolean hasQuery() {
    return subquery;
  }

  /** Whether some SELECT in it locks rows. */
  boolean locking() {
    return locking;
  }

  private static <T> List<T> inSourceOrder(Collection<T> items, TokenSlice source, java.util.function.Function<T, String> name) {
    List<T> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparingInt(i -> source.firstMention(name.apply(i))));
    return sorted;
  }

  /** The column references of an expression, outside its subqueries (whose columns are theirs). */
  static List<Column> columnsOutsideQueries(Object root) {
    List<Column> columns = new ArrayList<>();
    walk(root, false, (node, seen) -> {
      if (node instanceof Column c) {
        columns.add(c);
        if (c.getTable() != null) {
          seen.add(c.getTable());
        }
      }
    });
    return columns;
  }

  /**
   * Whether JSqlParser 5.3 misread an {@code IN} followed by AND or OR: it parses
   * {@code a IN (1, 2) AND b = 3} as {@code a IN ((1, 2) AND b = 3)} (JSqlParser issues #2244, #2246,
   * #2356, #2439; fixed after 5.3). Every node is still there, so calls and literals are right, but
   * the structure is not: a WHERE shape must not be read from such a tree.
   */
  static boolean hasMisreadIn(Object root) {
    boolean[] found = {false};
    walk(root, true, (node, seen) -> {
      if (node instanceof InExpression in && !(in.getRightExpression() instanceof ExpressionList)
          && !(in.getRightExpression() instanceof Select)) {
        found[0] = true;
      }
    });
    return found[0];
  }

  private void walk(Object root) {
    walk(root, true, this::visit);
  }

  @FunctionalInterface
  private interface Visitor {
    void visit(Object node, Set<Object> seen);
  }

  private static void walk(Object root, boolean intoQueries, Visitor visitor) {
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Object> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Object node = todo.pop();
      if (!seen.add(node) || (!intoQueries && node != root && node instanceof Select)) {
        continue;
      }
      visitor.visit(node, seen);
      if (node instanceof Collection<?> c) {
        c.forEach(e -> push(todo, e));
      } else if (node instanceof Map<?, ?> m) {
        m.keySet().forEach(e -> push(todo, e));
        m.values().forEach(e -> push(todo, e));
      } else if (node.getClass().isArray() && !node.getClass().getComponentType().isPrimitive()) {
        for (int i = 0; i < Array.getLength(node); i++) {
          push(todo, Array.get(node, i));
        }
      }
      if (isJSqlParserNode(node.getClass())) {
        for (Field f : FIELDS.get(node.getClass())) {
          try {
            push(todo, f.get(node));
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
  }

  private static void push(Deque<Object> todo, Object value) {
    if (value != null && (value instanceof Collection || value instanceof Map || value.getClass().isArray()
        || isJSqlParserNode(value.getClass()))) {
      todo.push(value);
    }
  }

  /** A class of JSqlParser's tree; its parser internals (tokens, nodes) are not walked. */
  private static boolean isJSqlParserNode(Class<?> type) {
    String name = type.getName();
    return name.startsWith("net.sf.jsqlparser.") && !name.startsWith("net.sf.jsqlparser.parser.")
        && !type.isEnum();
  }

  private void visit(Object node, Set<Object> seen) {
    if (node instanceof Function f) {
      call(f.getMultipartName(), f.getParameters() == null ? 0 : f.getParameters().size());
    } else if (node instanceof AnalyticExpression a) {
      call(List.of(a.getName().split("\\.")), -1);
    } else if (node instanceof TimeKeyExpression t) {
      String word = t.getStringValue().toLowerCase(Locale.ROOT);
      int paren = word.indexOf('(');
      record((paren < 0 ? word : word.substring(0, paren)).trim(), -1);
    } else if (node instanceof NextValExpression) {
      record("nextval", 1);
    } else if (node instanceof ExtractExpression) {
      record("extract", 2);
    } else if (node instanceof Column c) {
      // The qualifier of t.id is a Table object, but not a table read.
      if (c.getTable() != null) {
        seen.add(c.getTable());
      }
      String raw = c.getColumnName();
      if (JSqlNames.qualifier(c) == null && !JSqlNames.isQuoted(raw)
          && FunctionVolatility.KEYWORD_FUNCTIONS.contains(raw.toLowerCase(Locale.ROOT))) {
        record(raw.toLowerCase(Locale.ROOT), -1);
      }
    } else if (node instanceof AllTableColumns a && a.getTable() != null) {
      seen.add(a.getTable());
    } else if (node instanceof WithItem<?> w && w.getAlias() != null) {
      cteNames.add(JSqlNames.fold(w.getAlias().getName()));
    }
    if (node instanceof Select s) {
      subquery = true;
      locking |= s.getForMode() != null;
      if (s.getForUpdateTable() != null) {
        seen.add(s.getForUpdateTable());
      }
    }
    if (node instanceof PlainSelect p) {
      fromItem(p.getFromItem());
    } else if (node instanceof Join j) {
      fromItem(j.getRightItem());
    } else if (node instanceof ParenthesedFromItem p) {
      fromItem(p.getFromItem());
    } else if (node instanceof TableStatement t) {
      fromItem(t.getTable());
    }
  }

  private void fromItem(FromItem item) {
    if (item instanceof Table t && t.getName() != null) {
      tables.add(JSqlNames.table(t));
    }
  }

  private void call(List<String> parts, int arguments) {
    if (parts == null || parts.isEmpty()) {
      return;
    }
    String raw = parts.get(parts.size() - 1);
    if (parts.size() == 1 && !JSqlNames.isQuoted(raw)
        && FunctionVolatility.NOT_FUNCTIONS.contains(raw.toLowerCase(Locale.ROOT))) {
      return; // COALESCE, ANY(…), ARRAY(…), ROW(…): syntax that JSqlParser models as calls
    }
    record(JSqlNames.function(parts), arguments);
  }

  private void record(String function, int arguments) {
    functions.add(function);
    volatility = volatility.and(FunctionVolatility.of(function, arguments));
  }
}
