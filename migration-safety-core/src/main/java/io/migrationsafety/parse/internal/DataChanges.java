package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.DataChange;
import io.migrationsafety.operation.DmlKind;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.WhereClause;
import io.migrationsafety.sql.Token;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Reads one {@code INSERT}, {@code UPDATE}, {@code DELETE} or {@code MERGE} (without its WITH,
 * which {@link DmlStatements} splits off) into a {@link DataChange}.
 *
 * <p>Two readings, each for what it does best. The token reading, after PostgreSQL's grammar
 * (gram.y: InsertStmt, UpdateStmt, DeleteStmt, MergeStmt), finds the clauses: the target, the
 * columns, where the WHERE starts and ends (so that it is quoted exactly as written), VALUES rows,
 * FROM/USING, ON CONFLICT, RETURNING. JSqlParser's tree, when it takes the statement, tells which
 * names are function calls and which values are literals; it is trusted only if it found the same
 * kind of statement on the same table. When it declines ({@code UPDATE ONLY}, {@code DELETE FROM
 * ONLY}, {@code MERGE … DO NOTHING}, {@code COLLATE}, {@code WHERE CURRENT OF} …), the tokens
 * answer those too, erring towards "a call" and "not a literal".
 */
final class DataChanges {

  /** What the token reading found. */
  private static final class Reading {
    DmlKind kind;
    QualifiedName table;
    String alias;
    final Set<String> columns = new LinkedHashSet<>();
    TokenSlice where;
    TokenSlice from;
    final List<TokenSlice> rows = new ArrayList<>();
    boolean defaultValues;
    boolean fromQuery;
    boolean onConflict;
    boolean returning;
  }

  /** Reserved words that the statements' clauses start with: never a column or table name unquoted. */
  private static final Set<String> CLAUSE_WORDS = Set.of(
      "where", "from", "returning", "set", "using", "on", "values", "select", "with", "default", "into",
      "when", "then", "as", "table", "only", "and", "or", "not");

  /** What JSqlParser's tree adds: the calls, and whether the VALUES rows are all literals. */
  private record TreeReading(List<String> functions, boolean literalValues) {}

  private DataChanges() {}

  /**
   * Reads the statement in {@code s}; throws {@link ParseFailure} when its clauses cannot be found.
   *
   * @param limitedCtes the names of the statement's CTEs whose query has a LIMIT
   */
  static DataChange read(TokenSlice s, Set<String> limitedCtes) {
    return read(s, limitedCtes, true);
  }

  /** The token reading alone, as used when JSqlParser declines; for tests that compare the two. */
  static DataChange readFromTokens(TokenSlice s, Set<String> limitedCtes) {
    return read(s, limitedCtes, false);
  }

  private static DataChange read(TokenSlice s, Set<String> limitedCtes, boolean tryJSqlParser) {
    Reading r = readTokens(s);
    boolean useJSqlParser = tryJSqlParser && GuardedJSqlParser.worthParsing(s);
    WhereClause where = null;
    if (r.where != null) {
      Set<String> target = new LinkedHashSet<>();
      target.add(r.table.name());
      if (r.alias != null) {
        target.add(r.alias);
      }
      WhereShapes.Scope scope = new WhereShapes.Scope(target, limited(r.from, limitedCtes));
      where = useJSqlParser ? WhereShapes.read(r.where, scope) : TokenWhereShapes.read(r.where, scope);
    }
    TreeReading tree = useJSqlParser ? GuardedJSqlParser.statement(s, st -> fromTree(st, r, s)).orElse(null) : null;
    List<String> functions = tree != null ? tree.functions() : TokenFunctions.in(s);
    int literalRows = -1;
    if (r.defaultValues) {
      literalRows = 1;
    } else if (!r.rows.isEmpty()) {
      boolean literal = tree != null ? tree.literalValues() : r.rows.stream().allMatch(DataChanges::literalRow);
      literalRows = literal ? r.rows.size() : -1;
    }
    return new DataChange(r.kind, r.table, new ArrayList<>(r.columns), where, literalRows, r.fromQuery,
        r.onConflict, r.returning, functions);
  }

  private static TreeReading fromTree(Statement st, Reading r, TokenSlice s) {
    if (!sameTarget(st, r)) {
      return null; // JSqlParser read something else than PostgreSQL would: do not trust it
    }
    boolean literalValues = st instanceof Insert i && i.getSelect() instanceof Values v
        && v.getExpressions() != null && Constants.isLiteral(v.getExpressions());
    return new TreeReading(AstScan.of(st).functions(s), literalValues);
  }

  /** Whether JSqlParser found the same kind of statement on the same table as the token reading. */
  private static boolean sameTarget(Statement st, Reading r) {
    Table target;
    DmlKind kind;
    if (st instanceof Insert i) {
      kind = DmlKind.INSERT;
      target = i.getTable();
    } else if (st instanceof Update u) {
      kind = DmlKind.UPDATE;
      target = u.getTable();
    } else if (st instanceof Delete d) {
      kind = DmlKind.DELETE;
      target = d.getTable();
    } else if (st instanceof Merge m) {
      kind = DmlKind.MERGE;
      target = m.getTable();
    } else {
      return false;
    }
    return kind == r.kind && target != null && target.getName() != null && JSqlNames.table(target).equals(r.table);
  }

  /**
   * The relations that hold a limited number of rows: the limited CTEs and, when UPDATE … FROM or
   * DELETE … USING names just one item, that item's alias if it is a limited CTE or subquery
   * ({@code FROM (SELECT id … LIMIT 1000) b}).
   */
  private static Set<String> limited(TokenSlice from, Set<String> limitedCtes) {
    Set<String> limited = new LinkedHashSet<>(limitedCtes);
    if (from == null || from.isEmpty() || from.find(0, k -> from.isSymbol(k, ",") || from.is(k, "join")) < from.size()) {
      return limited;
    }
    int i = from.is(0, "only") ? 1 : 0;
    boolean limitedItem;
    if (from.isSymbol(i, "(")) {
      int close = from.closing(i);
      limitedItem = close < from.size() && TokenWhereShapes.isLimitedQuery(TokenWhereShapes.unwrap(from.slice(i, close + 1)));
      i = close + 1;
    } else if (from.isName(i) && !from.isSymbol(i + 1, ".")) {
      limitedItem = limitedCtes.contains(from.get(i).identifier());
      i++;
    } else {
      return limited;
    }
    if (from.is(i, "as")) {
      i++;
    }
    if (limitedItem && i == from.size() - 1 && from.isName(i)) {
      limited.add(from.get(i).identifier());
    }
    return limited;
  }

  private static boolean literalRow(TokenSlice row) {
    for (TokenSlice value : row.commaSeparated()) {
      if (!Constants.isLiteral(value)) {
        return false;
      }
    }
    return true;
  }

  private static Reading readTokens(TokenSlice s) {
    TokenCursor c = s.cursor();
    Reading r = new Reading();
    String verb = c.peek().text().toLowerCase(Locale.ROOT);
    switch (verb) {
      case "insert" -> insert(c, s, r);
      case "update" -> update(c, s, r);
      case "delete" -> delete(c, s, r);
      case "merge" -> merge(c, r);
      default -> throw c.fail("expected INSERT, UPDATE, DELETE or MERGE");
    }
    if (c.accept("returning")) {
      r.returning = true;
      Clauses.skip(c, Clauses.stop());
    }
    c.expectEnd();
    return r;
  }

  private static void insert(TokenCursor c, TokenSlice s, Reading r) {
    r.kind = DmlKind.INSERT;
    c.expect("insert");
    c.expect("into");
    r.table = tableName(c);
    if (c.accept("as")) {
      r.alias = c.name();
    }
    if (c.isSymbol("(") && !isQueryStart(c.peek(1))) {
      columnList(c, r);
    }
    if (c.accept("overriding")) {
      c.next();
      c.expect("value");
    }
    if (c.accept("default", "values")) {
      r.defaultValues = true;
    } else if (c.accept("values")) {
      do {
        int open = c.mark();
        c.parenthesized();
        r.rows.add(s.slice(open + 1, c.mark() - 1));
      } while (c.acceptSymbol(","));
      Clauses.skip(c, Clauses.either(Clauses.stop("returning"), cur -> cur.is("on", "conflict"))); // ORDER BY, LIMIT of VALUES
    } else {
      int start = c.mark();
      Clauses.skip(c, Clauses.either(Clauses.stop("returning"), cur -> cur.is("on", "conflict")));
      if (c.mark() == start) {
        throw c.fail("expected VALUES, DEFAULT VALUES or a query");
      }
      r.fromQuery = true;
    }
    if (c.accept("on", "conflict")) {
      r.onConflict = true;
      Clauses.skip(c, Clauses.stop("returning"));
    }
  }

  private static void update(TokenCursor c, TokenSlice s, Reading r) {
    r.kind = DmlKind.UPDATE;
    c.expect("update");
    target(c, r, "set");
    c.expect("set");
    assignments(c, r, Clauses.stop("from", "where", "returning"));
    if (c.accept("from")) {
      r.fromQuery = true;
      r.from = clause(c, s, Clauses.stop("where", "returning"));
    }
    where(c, s, r);
  }

  private static void delete(TokenCursor c, TokenSlice s, Reading r) {
    r.kind = DmlKind.DELETE;
    c.expect("delete");
    c.expect("from");
    target(c, r, "using", "where", "returning");
    if (c.accept("using")) {
      r.fromQuery = true;
      r.from = clause(c, s, Clauses.stop("where", "returning"));
    }
    where(c, s, r);
  }

  private static void merge(TokenCursor c, Reading r) {
    r.kind = DmlKind.MERGE;
    r.fromQuery = true;
    c.expect("merge");
    c.expect("into");
    target(c, r, "using");
    c.expect("using");
    Clauses.skip(c, Clauses.stop("on"));
    c.expect("on");
    Clauses.skip(c, Clauses.stop("when"));
    while (c.accept("when")) {
      Clauses.skip(c, Clauses.stop("then"));
      c.expect("then");
      if (c.accept("update", "set")) {
        assignments(c, r, Clauses.stop("when", "returning"));
      } else if (c.accept("insert")) {
        if (c.isSymbol("(")) {
          columnList(c, r);
        }
        Clauses.skip(c, Clauses.stop("when", "returning"));
      } else {
        Clauses.skip(c, Clauses.stop("when", "returning")); // DELETE, DO NOTHING
      }
    }
  }

  /** {@code [ONLY] name [*] [[AS] alias]}; the alias is any name but the clause words that may follow. */
  private static void target(TokenCursor c, Reading r, String... next) {
    c.accept("only");
    r.table = tableName(c);
    c.acceptSymbol("*");
    if (c.accept("as")) {
      r.alias = c.name();
    } else if (c.isName() && !c.isAny(next)) {
      r.alias = c.name();
    }
  }

  /** {@code col = expr, (a, b) = (…), col.field = expr, col[1] = expr …} */
  private static void assignments(TokenCursor c, Reading r, TokenCursor.Stop end) {
    do {
      if (c.acceptSymbol("(")) {
        do {
          r.columns.add(columnName(c));
          Clauses.skip(c, cur -> cur.isSymbol(","));
        } while (c.acceptSymbol(","));
        c.expectSymbol(")");
      } else {
        r.columns.add(columnName(c));
        Clauses.skip(c, cur -> cur.isSymbol("=")); // .field or [subscript]
      }
      c.expectSymbol("=");
      Clauses.skip(c, Clauses.either(end, cur -> cur.isSymbol(",")));
    } while (c.acceptSymbol(","));
  }

  private static void columnList(TokenCursor c, Reading r) {
    c.expectSymbol("(");
    do {
      r.columns.add(columnName(c));
      Clauses.skip(c, cur -> cur.isSymbol(","));
    } while (c.acceptSymbol(","));
    c.expectSymbol(")");
  }

  private static String columnName(TokenCursor c) {
    if (c.isAny(CLAUSE_WORDS.toArray(String[]::new))) {
      throw c.fail("expected a column name");
    }
    return c.name();
  }

  private static QualifiedName tableName(TokenCursor c) {
    if (c.isAny(CLAUSE_WORDS.toArray(String[]::new))) {
      throw c.fail("expected a table name");
    }
    return c.qualifiedName();
  }

  private static TokenSlice clause(TokenCursor c, TokenSlice s, TokenCursor.Stop end) {
    int start = c.mark();
    Clauses.skip(c, end);
    return s.slice(start, c.mark());
  }

  private static void where(TokenCursor c, TokenSlice s, Reading r) {
    if (!c.accept("where")) {
      return;
    }
    int start = c.mark();
    Clauses.skip(c, Clauses.stop("returning"));
    if (c.mark() == start) {
      throw c.fail("expected a condition after WHERE");
    }
    r.where = s.slice(start, c.mark());
  }

  private static boolean isQueryStart(Token t) {
    return t != null && (t.is("select") || t.is("with") || t.is("values") || t.is("table") || t.isSymbol("("));
  }
}
