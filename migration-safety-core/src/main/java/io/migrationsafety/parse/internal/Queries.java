package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.CreateTable;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.Persistence;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Query;
import io.migrationsafety.sql.Token;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code SELECT}, {@code VALUES} and {@code TABLE} (without their WITH, which
 * {@link DmlStatements} splits off): the tables they read, the functions they call (so that
 * {@code SELECT set_config(…)}, {@code SELECT pg_advisory_lock(…)} and {@code SELECT setval(…)} are
 * visible), and whether they lock rows. JSqlParser's tree answers when it takes the query; the
 * tokens otherwise.
 *
 * <p>{@code SELECT … INTO new_table} is not a query: it is PostgreSQL's older spelling of
 * {@code CREATE TABLE new_table AS SELECT …}, and is read as that {@link CreateTable}, with the
 * query without its INTO as {@code asQuery}. So the schema model learns that the table exists, as
 * it does from CREATE TABLE AS; calling it a query would hide a new table from the review.
 */
final class Queries {

  /** Words after which a name in a FROM list is not a table. */
  private static final Set<String> NOT_TABLE_WORDS = Set.of("lateral", "rows");

  private Queries() {}

  /** The tables, calls and row locking of a query. */
  record Reading(List<QualifiedName> tables, List<String> functions, boolean locking) {

    Query toQuery() {
      return new Query(tables, functions, locking);
    }
  }

  /** Reads a query statement: a {@link Query}, or a {@link CreateTable} for SELECT INTO. */
  static Operation read(TokenSlice s) {
    if (s.is(0, "select")) {
      int into = s.findWord(1, "into");
      if (into < s.size() && s.get(into).isName()) {
        return selectInto(s, into);
      }
    }
    return reading(s).toQuery();
  }

  /** What a query reads and calls. */
  static Reading reading(TokenSlice s) {
    if (!GuardedJSqlParser.worthParsing(s)) {
      return new Reading(tokenTables(s), TokenFunctions.in(s), tokenLocking(s));
    }
    return GuardedJSqlParser.statement(s, st -> {
      AstScan scan = AstScan.of(st);
      return new Reading(scan.tables(s), scan.functions(s), scan.locking());
    }).orElseGet(() -> new Reading(tokenTables(s), TokenFunctions.in(s), tokenLocking(s)));
  }

  private static Operation selectInto(TokenSlice s, int into) {
    TokenCursor c = s.slice(into + 1, s.size()).cursor();
    Persistence persistence = Persistence.PERMANENT;
    c.accept("local");
    c.accept("global");
    if (c.accept("temporary") || c.accept("temp")) {
      persistence = Persistence.TEMPORARY;
    } else if (c.accept("unlogged")) {
      persistence = Persistence.UNLOGGED;
    }
    c.accept("table");
    QualifiedName name = c.qualifiedName();
    int after = into + 1 + c.mark();
    String query = s.text(0, into) + (after < s.size() ? " " + s.text(after, s.size()) : "");
    return new CreateTable(name, false, persistence, List.of(), List.of(), null, null, null, List.of(), List.of(),
        query);
  }

  /** The tables after FROM and JOIN, at any depth; functions in FROM and subqueries are not tables. */
  private static List<QualifiedName> tokenTables(TokenSlice s) {
    Set<QualifiedName> tables = new LinkedHashSet<>();
    if (s.is(0, "table")) {
      fromItem(s, 1, tables); // TABLE name: SELECT * FROM name
    }
    for (int i = 0; i < s.size(); i++) {
      boolean from = s.is(i, "from") && !s.is(i - 1, "distinct") && !insideCallArguments(s, i);
      if (from || s.is(i, "join")) {
        int j = i + 1;
        do {
          j = fromItem(s, j, tables);
        } while (from && s.isSymbol(j, ",") && ++j < s.size());
      }
    }
    return new ArrayList<>(tables);
  }

  /** Reads one FROM item at {@code i}, adds it if it is a table, returns the index after it. */
  private static int fromItem(TokenSlice s, int i, Set<QualifiedName> tables) {
    int j = i;
    if (s.is(j, "only")) {
      j++;
    }
    if (!s.isName(j) || (s.get(j).isName() && NOT_TABLE_WORDS.contains(s.get(j).identifier()))) {
      return s.isSymbol(j, "(") ? s.closing(j) + 1 : j;
    }
    int end = j;
    while (s.isSymbol(end + 1, ".") && s.isName(end + 2)) {
      end += 2;
    }
    if (s.isSymbol(end + 1, "(")) {
      return s.closing(end + 1) + 1; // a function in FROM
    }
    Token name = s.get(end);
    Token schema = end >= j + 2 ? s.get(end - 2) : null;
    tables.add(schema == null ? QualifiedName.of(name.identifier()) : QualifiedName.of(schema.identifier(), name.identifier()));
    return end + 1;
  }

  /** Whether the FROM at {@code i} is inside {@code extract(… FROM …)}, {@code substring(… FROM …)} and the like. */
  private static boolean insideCallArguments(TokenSlice s, int i) {
    int open = s.opening(enclosingClose(s, i));
    boolean subquery = s.is(open + 1, "select") || s.is(open + 1, "with") || s.is(open + 1, "values");
    return open > 0 && !subquery && s.get(open - 1).isName();
  }

  private static int enclosingClose(TokenSlice s, int i) {
    int close = s.find(i, k -> false);
    return close < s.size() ? close : -1;
  }

  private static boolean tokenLocking(TokenSlice s) {
    for (int i = 0; i + 1 < s.size(); i++) {
      if (s.is(i, "for") && (s.is(i + 1, "update") || s.is(i + 1, "share")
          || (s.is(i + 1, "no") && s.is(i + 2, "key")) || (s.is(i + 1, "key") && s.is(i + 2, "share")))) {
        return true;
      }
    }
    return false;
  }
}
