package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.CreateTable;
import io.migrationsafety.operation.DataChange;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Query;
import io.migrationsafety.operation.Unrecognized;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The statements that read and change rows: {@code INSERT}, {@code UPDATE}, {@code DELETE},
 * {@code MERGE}, {@code COPY}, {@code SELECT}, {@code VALUES}, {@code TABLE}, with or without
 * {@code WITH}, and {@code EXPLAIN} and {@code SHOW} (PostgreSQL documentation, SQL Commands).
 *
 * <p>A WITH is split here, by tokens, into its CTE bodies and its main statement, each read on its
 * own: a data-modifying CTE ({@code WITH moved AS (DELETE … RETURNING *) INSERT …}) is a
 * {@link DataChange} of its own, before the main statement's; what plain CTEs read and call counts
 * for the main statement; CTE names are not tables.
 */
final class DmlStatements implements StatementFamily {

  private static final Set<String> DATA_CHANGES = Set.of("insert", "update", "delete", "merge");

  /**
   * Deeper nesting is not read: the readers recurse per level (CTE bodies, conditions), and no
   * migration nests this deep; the statement is reported as not understood instead.
   */
  static final int MAX_NESTING = 100;

  @Override
  public Set<String> heads() {
    return Set.of("insert", "update", "delete", "merge", "copy", "with", "select", "values", "table",
        "explain", "show");
  }

  @Override
  public List<Operation> parse(TokenCursor cursor) {
    TokenSlice statement = TokenSlice.rest(cursor);
    int nesting = statement.nesting();
    if (nesting < 0) {
      throw cursor.fail("unbalanced parentheses or brackets in the statement");
    }
    if (nesting > MAX_NESTING) {
      throw cursor.fail("parentheses nested deeper than " + MAX_NESTING + " levels");
    }
    return read(statement);
  }

  private static List<Operation> read(TokenSlice s) {
    return read(s, Set.of());
  }

  /** Reads a statement; {@code limitedCtes} names the CTEs in scope whose query has a LIMIT. */
  private static List<Operation> read(TokenSlice s, Set<String> limitedCtes) {
    if (s.isEmpty()) {
      throw s.cursor().fail("expected a statement");
    }
    String verb = verb(s);
    if (DATA_CHANGES.contains(verb)) {
      return List.of(DataChanges.read(s, limitedCtes));
    }
    switch (verb) {
      case "with":
        return with(s);
      case "select":
      case "values":
      case "table":
      case "(":
        return List.of(Queries.read(s));
      case "copy":
        return List.of(CopyStatements.read(s));
      case "explain":
        return explain(s);
      case "show":
        return show(s);
      default:
        throw s.cursor().fail("expected a query or a data-changing statement");
    }
  }

  private static String verb(TokenSlice s) {
    return s.isSymbol(0, "(") ? "(" : s.get(0).text().toLowerCase(Locale.ROOT);
  }

  /** One CTE: its name and its body. */
  private record Cte(String name, TokenSlice body) {}

  private static List<Operation> with(TokenSlice s) {
    TokenCursor c = s.cursor();
    c.expect("with");
    c.accept("recursive");
    List<Cte> ctes = new ArrayList<>();
    do {
      String name = c.name();
      if (c.isSymbol("(")) {
        c.parenthesizedNames();
      }
      c.expect("as");
      if (!c.accept("materialized")) {
        if (c.accept("not")) {
          c.expect("materialized");
        }
      }
      int open = c.mark();
      c.parenthesized();
      ctes.add(new Cte(name, s.slice(open + 1, c.mark() - 1)));
      searchAndCycle(c);
    } while (c.acceptSymbol(","));
    if (c.atEnd()) {
      throw c.fail("expected the statement after WITH");
    }
    TokenSlice main = s.slice(c.mark(), s.size());

    Set<String> cteNames = new LinkedHashSet<>();
    Set<String> limitedCtes = new LinkedHashSet<>();
    for (Cte cte : ctes) {
      cteNames.add(cte.name());
      if (!cte.body().isEmpty() && !DATA_CHANGES.contains(verb(cte.body()))
          && TokenWhereShapes.isLimitedQuery(TokenWhereShapes.unwrap(cte.body()))) {
        limitedCtes.add(cte.name());
      }
    }
    List<Operation> operations = new ArrayList<>();
    Set<QualifiedName> tables = new LinkedHashSet<>();
    Set<String> functions = new LinkedHashSet<>();
    boolean locking = false;
    for (Cte cte : ctes) {
      if (cte.body().isEmpty()) {
        throw c.fail("empty WITH query " + cte.name());
      }
      for (Operation op : read(cte.body(), limitedCtes)) {
        if (op instanceof Query q) {
          tables.addAll(q.tables());
          functions.addAll(q.functions());
          locking |= q.locking();
        } else {
          operations.add(op);
        }
      }
    }
    for (Operation op : read(main, limitedCtes)) {
      if (op instanceof Query q) {
        tables.addAll(q.tables());
        functions.addAll(q.functions());
        operations.add(new Query(withoutCtes(tables, cteNames), new ArrayList<>(functions), locking || q.locking()));
      } else if (op instanceof DataChange d) {
        Set<String> all = new LinkedHashSet<>(d.functions());
        all.addAll(functions);
        operations.add(new DataChange(d.dmlKind(), d.table(), d.columns(), d.where(), d.literalRows(), d.fromQuery(),
            d.onConflict(), d.returning(), new ArrayList<>(all)));
      } else {
        operations.add(op); // SELECT … INTO under WITH: a CreateTable
      }
    }
    return operations;
  }

  /** {@code SEARCH {BREADTH|DEPTH} FIRST BY col, … SET col} and {@code CYCLE col, … SET col [TO v DEFAULT v] USING col}. */
  private static void searchAndCycle(TokenCursor c) {
    if (c.accept("search")) {
      c.next();
      c.expect("first", "by");
      c.qualifiedNameList();
      c.expect("set");
      c.name();
    }
    if (c.accept("cycle")) {
      c.qualifiedNameList();
      c.expect("set");
      c.name();
      if (c.accept("to")) {
        Clauses.skip(c, Clauses.stop("default"));
        c.expect("default");
        Clauses.skip(c, Clauses.stop("using"));
      }
      c.expect("using");
      c.name();
    }
  }

  private static List<QualifiedName> withoutCtes(Set<QualifiedName> tables, Set<String> cteNames) {
    List<QualifiedName> real = new ArrayList<>();
    for (QualifiedName t : tables) {
      if (t.isQualified() || !cteNames.contains(t.name())) {
        real.add(t);
      }
    }
    return real;
  }

  /**
   * {@code EXPLAIN [ANALYZE] statement}. With ANALYZE the statement runs, so it is what it does;
   * without, it is only planned: a query of the tables it names, which calls nothing.
   */
  private static List<Operation> explain(TokenSlice s) {
    TokenCursor c = s.cursor();
    c.expect("explain");
    boolean analyze = false;
    if (c.acceptSymbol("(")) {
      do {
        boolean isAnalyze = c.isAny("analyze", "analyse");
        c.next();
        boolean off = c.isAny("false", "off") || (c.peek() != null && c.peek().text().equals("0"));
        if (!c.isSymbol(",") && !c.isSymbol(")")) {
          c.next();
        }
        analyze |= isAnalyze && !off;
      } while (c.acceptSymbol(","));
      c.expectSymbol(")");
    } else {
      while (c.isAny("analyze", "analyse", "verbose")) {
        analyze |= c.isAny("analyze", "analyse");
        c.next();
      }
    }
    if (c.atEnd()) {
      throw c.fail("expected the statement to explain");
    }
    TokenSlice inner = s.slice(c.mark(), s.size());
    List<Operation> operations = StatementParser.parse(inner.statement());
    if (analyze) {
      return operations;
    }
    Set<QualifiedName> tables = new LinkedHashSet<>();
    for (Operation op : operations) {
      if (op instanceof Unrecognized u) {
        return List.of(new Unrecognized("EXPLAIN of a statement not understood: " + u.reason()));
      }
      if (op instanceof Query q) {
        tables.addAll(q.tables());
      } else if (op instanceof DataChange d) {
        tables.add(d.table());
      } else if (!(op instanceof CreateTable)) {
        return List.of(new Unrecognized("EXPLAIN of this statement is not modelled"));
      }
    }
    return List.of(new Query(new ArrayList<>(tables), List.of(), false));
  }

  /** {@code SHOW name}, {@code SHOW ALL}: reads a setting; no table, no call. */
  private static List<Operation> show(TokenSlice s) {
    TokenCursor c = s.cursor();
    c.expect("show");
    if (c.atEnd()) {
      throw c.fail("expected a setting name or ALL");
    }
    return List.of(new Query(List.of(), List.of(), false));
  }
}
