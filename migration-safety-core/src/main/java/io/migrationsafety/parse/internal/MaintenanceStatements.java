package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.Cluster;
import io.migrationsafety.operation.LockTable;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Truncate;
import io.migrationsafety.operation.Vacuum;
import io.migrationsafety.sql.Token;
import io.migrationsafety.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code TRUNCATE}, {@code LOCK}, {@code VACUUM}, {@code ANALYZE} and {@code CLUSTER}, as the
 * PostgreSQL documentation pages "SQL Commands: TRUNCATE", "LOCK", "VACUUM", "ANALYZE" and
 * "CLUSTER" give them (gram.y {@code TruncateStmt}, {@code LockStmt}, {@code VacuumStmt},
 * {@code AnalyzeStmt}, {@code ClusterStmt}), with both the parenthesized option lists and the
 * older key word forms.
 *
 * <p>{@code ONLY} before a VACUUM or ANALYZE table is PostgreSQL 18 syntax (earlier servers
 * reject it). {@code ONLY} and {@code *} are read but not kept: the records name the tables written, and
 * the lock on them is the same. Column lists of VACUUM/ANALYZE are read and not kept either.
 */
final class MaintenanceStatements implements StatementFamily {

  /** PostgreSQL's table lock modes (LOCK's {@code lock_type}). */
  private static final Set<String> LOCK_MODES = Set.of(
      "ACCESS SHARE", "ROW SHARE", "ROW EXCLUSIVE", "SHARE UPDATE EXCLUSIVE", "SHARE",
      "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE");

  @Override
  public Set<String> heads() {
    return Set.of("truncate", "lock", "vacuum", "analyze", "analyse", "cluster");
  }

  @Override
  public List<Operation> parse(TokenCursor c) {
    Operation operation;
    if (c.accept("truncate")) {
      operation = truncate(c);
    } else if (c.accept("lock")) {
      operation = lock(c);
    } else if (c.accept("vacuum")) {
      operation = vacuum(c);
    } else if (c.accept("cluster")) {
      operation = cluster(c);
    } else {
      c.next(); // ANALYZE or ANALYSE
      operation = analyze(c);
    }
    c.expectEnd();
    return List.of(operation);
  }

  private static Truncate truncate(TokenCursor c) {
    c.accept("table");
    List<QualifiedName> tables = relations(c);
    boolean restartIdentity = c.accept("restart", "identity");
    if (!restartIdentity) {
      c.accept("continue", "identity");
    }
    boolean cascade = CommonClauses.dropBehavior(c);
    return new Truncate(tables, restartIdentity, cascade);
  }

  /** {@code [ONLY] name [*] [, …]} ({@code relation_expr_list}). */
  private static List<QualifiedName> relations(TokenCursor c) {
    List<QualifiedName> tables = new ArrayList<>();
    do {
      tables.add(relation(c));
    } while (c.acceptSymbol(","));
    return tables;
  }

  private static QualifiedName relation(TokenCursor c) {
    if (c.accept("only")) {
      if (c.acceptSymbol("(")) {
        QualifiedName name = c.qualifiedName();
        c.expectSymbol(")");
        return name;
      }
      return c.qualifiedName();
    }
    QualifiedName name = c.qualifiedName();
    c.acceptSymbol("*");
    return name;
  }

  private static LockTable lock(TokenCursor c) {
    c.accept("table");
    List<QualifiedName> tables = relations(c);
    String mode = "ACCESS EXCLUSIVE";
    if (c.accept("in")) {
      int start = c.mark();
      List<String> words = new ArrayList<>();
      while (!c.atEnd() && !c.is("mode") && c.peek().isName()) {
        words.add(c.next().text().toUpperCase(Locale.ROOT));
      }
      mode = String.join(" ", words);
      if (!LOCK_MODES.contains(mode)) {
        c.reset(start);
        throw c.fail("expected a lock mode");
      }
      c.expect("mode");
    }
    boolean nowait = c.accept("nowait");
    return new LockTable(tables, mode, nowait);
  }

  private static Vacuum vacuum(TokenCursor c) {
    boolean full = false;
    boolean analyze = false;
    String options;
    if (c.acceptSymbol("(")) {
      int start = c.mark();
      do {
        String option = optionName(c);
        boolean on = optionValue(c);
        full |= option.equals("full") && on;
        analyze |= (option.equals("analyze") || option.equals("analyse")) && on;
      } while (c.acceptSymbol(","));
      options = c.textBetween(start, c.mark());
      c.expectSymbol(")");
    } else {
      // The old form: each key word at most once, in this order.
      int start = c.mark();
      full = c.accept("full");
      c.accept("freeze");
      c.accept("verbose");
      analyze = c.accept("analyze") || c.accept("analyse");
      options = c.textBetween(start, c.mark());
    }
    return new Vacuum(vacuumRelations(c), full, analyze, false, options);
  }

  private static Vacuum analyze(TokenCursor c) {
    String options;
    if (c.isSymbol("(")) {
      options = parenthesizedOptions(c);
    } else {
      int start = c.mark();
      c.accept("verbose");
      options = c.textBetween(start, c.mark());
    }
    return new Vacuum(vacuumRelations(c), false, true, true, options);
  }

  /** {@code table [(columns)] [, …]}, or nothing: every table of the database. */
  private static List<QualifiedName> vacuumRelations(TokenCursor c) {
    List<QualifiedName> tables = new ArrayList<>();
    if (c.atEnd()) {
      return tables;
    }
    do {
      tables.add(relation(c));
      if (c.isSymbol("(")) {
        c.parenthesizedNames();
      }
    } while (c.acceptSymbol(","));
    return tables;
  }

  /** {@code ( option [value] [, …] )} ({@code utility_option_list}); returns the text inside. */
  private static String parenthesizedOptions(TokenCursor c) {
    c.expectSymbol("(");
    int start = c.mark();
    do {
      optionName(c);
      optionValue(c);
    } while (c.acceptSymbol(","));
    String options = c.textBetween(start, c.mark());
    c.expectSymbol(")");
    return options;
  }

  private static String optionName(TokenCursor c) {
    Token t = c.peek();
    if (t == null || t.type() != TokenType.IDENTIFIER) {
      throw c.fail("expected an option name");
    }
    c.next();
    return t.text().toLowerCase(Locale.ROOT);
  }

  /** An option's optional value; says whether it leaves the option on (false, off and 0 do not). */
  private static boolean optionValue(TokenCursor c) {
    if (c.atEnd() || c.isSymbol(",") || c.isSymbol(")")) {
      return true;
    }
    String value;
    if (c.isString()) {
      value = c.string();
    } else if (c.isName()) {
      value = c.name();
    } else {
      value = CommonClauses.numeric(c);
    }
    value = value.toLowerCase(Locale.ROOT);
    return !(value.equals("false") || value.equals("off") || value.equals("0"));
  }

  private static Cluster cluster(TokenCursor c) {
    if (c.isSymbol("(")) {
      parenthesizedOptions(c);
    } else {
      c.accept("verbose");
    }
    if (c.atEnd()) {
      return new Cluster(null, null);
    }
    QualifiedName first = c.qualifiedName();
    if (c.is("on")) {
      // CLUSTER index ON table: the form before PostgreSQL 8.3, still accepted.
      if (first.isQualified()) {
        throw c.fail("the index of CLUSTER index ON table is not schema-qualified");
      }
      c.expect("on");
      return new Cluster(c.qualifiedName(), first.name());
    }
    String index = c.accept("using") ? c.name() : null;
    return new Cluster(first, index);
  }
}
