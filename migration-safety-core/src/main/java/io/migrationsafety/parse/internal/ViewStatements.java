package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.AlterView;
import io.migrationsafety.operation.ChangeOwner;
import io.migrationsafety.operation.CreateView;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.RefreshMaterializedView;
import io.migrationsafety.operation.Rename;
import io.migrationsafety.operation.SetSchema;
import io.migrationsafety.operation.SetTablespace;
import io.migrationsafety.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Views and materialized views, as the PostgreSQL documentation pages "SQL Commands: CREATE VIEW",
 * "CREATE MATERIALIZED VIEW", "ALTER VIEW", "ALTER MATERIALIZED VIEW" and
 * "REFRESH MATERIALIZED VIEW" give them (gram.y {@code ViewStmt}, {@code CreateMatViewStmt},
 * {@code RefreshMatViewStmt}, and {@code AlterTableStmt} for views).
 *
 * <p>The defining query is kept as written. {@code TEMP}, {@code RECURSIVE}, {@code WITH (options)},
 * {@code USING}, {@code TABLESPACE} and {@code WITH CHECK OPTION} are read and checked but have no
 * field in {@link CreateView}: none of them changes what the statement locks. A column rename of a
 * view is an {@link AlterView}, as that record says; a view is not a table for the table actions.
 */
final class ViewStatements implements StatementFamily {

  @Override
  public Set<String> heads() {
    return Set.of("create view", "alter view", "refresh");
  }

  @Override
  public List<Operation> parse(TokenCursor c) {
    if (c.is("create")) {
      return List.of(create(c));
    }
    if (c.accept("refresh")) {
      return List.of(refresh(c));
    }
    return alter(c);
  }

  private static CreateView create(TokenCursor c) {
    c.expect("create");
    int modifiers = c.mark();
    boolean orReplace = c.accept("or", "replace");
    boolean temporary = c.accept("temporary") || c.accept("temp");
    boolean recursive = c.accept("recursive");
    if (c.is("unlogged")) {
      throw c.fail("a materialized view cannot be unlogged");
    }
    boolean materialized = c.accept("materialized");
    c.expect("view");
    if (materialized && (orReplace || temporary || recursive)) {
      c.reset(modifiers);
      throw c.fail("a materialized view cannot be OR REPLACE, TEMPORARY or RECURSIVE");
    }
    boolean ifNotExists = materialized && c.acceptIfNotExists();
    QualifiedName name = c.qualifiedName();
    List<String> columns = c.isSymbol("(") ? c.parenthesizedNames() : List.of();
    if (recursive && columns.isEmpty()) {
      throw c.fail("a recursive view needs its column names");
    }
    if (materialized && c.accept("using")) {
      c.name();
    }
    if (c.accept("with")) {
      c.parenthesized();
    }
    if (materialized && c.accept("tablespace")) {
      c.name();
    }
    c.expect("as");
    String query = c.textUntil(materialized ? ViewStatements::atWithData : ViewStatements::atCheckOption);
    if (query.isBlank()) {
      throw c.fail("expected the view's query");
    }
    boolean withData = true;
    if (materialized && c.accept("with")) {
      withData = !c.accept("no");
      c.expect("data");
    } else if (!materialized && c.accept("with")) {
      if (!c.accept("cascaded")) {
        c.accept("local");
      }
      c.expect("check", "option");
    }
    c.expectEnd();
    return new CreateView(name, materialized, orReplace, ifNotExists, columns, query, withData);
  }

  /**
   * {@code WITH [NO] DATA} after the query. A query cannot hold these words at depth 0 except as
   * a CTE named "data" ({@code WITH data AS …}, {@code WITH data(x) AS …}), which is told apart
   * by what follows.
   */
  private static boolean atWithData(TokenCursor c) {
    if (c.is("with", "no", "data")) {
      return true;
    }
    if (!c.is("with", "data")) {
      return false;
    }
    Token after = c.peek(2);
    return after == null || !(after.is("as") || after.isSymbol("("));
  }

  /**
   * {@code WITH [CASCADED | LOCAL] CHECK OPTION} after the query. CHECK is reserved, so no CTE
   * can be named by it.
   */
  private static boolean atCheckOption(TokenCursor c) {
    return c.is("with", "check") || c.is("with", "cascaded", "check") || c.is("with", "local", "check");
  }

  private static RefreshMaterializedView refresh(TokenCursor c) {
    c.expect("materialized", "view");
    boolean concurrently = c.accept("concurrently");
    QualifiedName name = c.qualifiedName();
    boolean withData = true;
    if (c.accept("with")) {
      withData = !c.accept("no");
      c.expect("data");
    }
    c.expectEnd();
    return new RefreshMaterializedView(name, concurrently, withData);
  }

  private static List<Operation> alter(TokenCursor c) {
    c.expect("alter");
    boolean materialized = c.accept("materialized");
    c.expect("view");
    ObjectType type = materialized ? ObjectType.MATERIALIZED_VIEW : ObjectType.VIEW;
    if (materialized && c.is("all", "in", "tablespace")) {
      throw c.fail("ALTER MATERIALIZED VIEW ALL IN TABLESPACE is not modelled: it moves every"
          + " materialized view of a tablespace");
    }
    boolean ifExists = c.acceptIfExists();
    QualifiedName name = c.qualifiedName();
    List<Operation> operations = new ArrayList<>();
    int start = c.mark();
    if (c.accept("rename")) {
      if (c.accept("to")) {
        operations.add(new Rename(type, name, c.name(), ifExists));
      } else {
        c.accept("column");
        c.name();
        c.expect("to");
        c.name();
        operations.add(new AlterView(name, materialized, c.textBetween(start, c.mark())));
      }
    } else if (c.is("set", "schema")) {
      c.expect("set", "schema");
      operations.add(new SetSchema(type, name, c.name()));
    } else if (materialized && (c.is("depends") || c.is("no", "depends"))) {
      c.accept("no");
      c.expect("depends", "on", "extension");
      c.name();
      operations.add(new AlterView(name, materialized, c.textBetween(start, c.mark())));
    } else {
      do {
        operations.add(action(c, name, materialized));
      } while (c.acceptSymbol(","));
    }
    c.expectEnd();
    return operations;
  }

  /** One action of an {@code ALTER [MATERIALIZED] VIEW} action list. */
  private static Operation action(TokenCursor c, QualifiedName name, boolean materialized) {
    ObjectType type = materialized ? ObjectType.MATERIALIZED_VIEW : ObjectType.VIEW;
    int start = c.mark();
    if (c.accept("owner", "to")) {
      return new ChangeOwner(type, name, CommonClauses.role(c));
    }
    if (materialized && c.accept("set", "tablespace")) {
      return new SetTablespace(type, name, c.name());
    }
    if (c.accept("alter")) {
      c.accept("column");
      c.name();
      columnAction(c, materialized);
    } else if (optionList(c)) {
      c.next();
      c.parenthesized();
    } else if (materialized && (c.accept("cluster", "on") || c.accept("set", "access", "method"))) {
      c.name();
    } else if (!materialized || !c.accept("set", "without", "cluster")) {
      throw c.fail("expected an ALTER " + (materialized ? "MATERIALIZED " : "") + "VIEW action");
    }
    return new AlterView(name, materialized, c.textBetween(start, c.mark()));
  }

  /** Whether {@code SET (…)} or {@code RESET (…)} comes next. */
  private static boolean optionList(TokenCursor c) {
    return c.isAny("set", "reset") && c.peek(1) != null && c.peek(1).isSymbol("(");
  }

  /** What follows {@code ALTER [COLUMN] name} in a view (defaults) or materialized view (statistics, storage). */
  private static void columnAction(TokenCursor c, boolean materialized) {
    if (!materialized && c.accept("set", "default")) {
      if (c.textUntil(x -> x.isSymbol(",")).isBlank()) {
        throw c.fail("expected the default expression");
      }
    } else if (!materialized && c.accept("drop", "default")) {
      return;
    } else if (materialized && c.accept("set", "statistics")) {
      if (!c.accept("default")) {
        CommonClauses.numeric(c);
      }
    } else if (materialized && (c.accept("set", "storage") || c.accept("set", "compression"))) {
      c.name();
    } else if (materialized && optionList(c)) {
      c.next();
      c.parenthesized();
    } else {
      throw c.fail("expected a column action");
    }
  }
}
