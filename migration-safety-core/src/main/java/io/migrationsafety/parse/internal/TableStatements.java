package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.ColumnDefinition;
import io.migrationsafety.operation.ConstraintDefinition;
import io.migrationsafety.operation.CreateTable;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.Persistence;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Rename;
import io.migrationsafety.operation.RenameColumn;
import io.migrationsafety.operation.RenameConstraint;
import io.migrationsafety.operation.SetSchema;
import io.migrationsafety.operation.TableRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code CREATE TABLE} (SQL Commands: CREATE TABLE, CREATE TABLE AS) and {@code ALTER TABLE}
 * (SQL Commands: ALTER TABLE); the subcommands of the latter are read by {@link AlterTableActions}.
 */
final class TableStatements implements StatementFamily {

  @Override
  public Set<String> heads() {
    return Set.of("create table", "alter table");
  }

  @Override
  public List<Operation> parse(TokenCursor c) {
    if (c.accept("create")) {
      return List.of(createTable(c));
    }
    c.expect("alter", "table");
    return alterTable(c);
  }

  private static CreateTable createTable(TokenCursor c) {
    Persistence persistence = Persistence.PERMANENT;
    c.accept("global");
    c.accept("local");
    if (c.accept("temp") || c.accept("temporary")) {
      persistence = Persistence.TEMPORARY;
    } else if (c.accept("unlogged")) {
      persistence = Persistence.UNLOGGED;
    }
    c.expect("table");
    boolean ifNotExists = c.acceptIfNotExists();
    QualifiedName name = c.qualifiedName();
    List<ColumnDefinition> columns = new ArrayList<>();
    List<ConstraintDefinition> constraints = new ArrayList<>();
    List<QualifiedName> likeTables = new ArrayList<>();
    QualifiedName partitionOf = null;
    String partitionBound = null;
    if (c.accept("partition", "of")) {
      partitionOf = c.qualifiedName();
    } else if (c.accept("of")) {
      throw c.fail("typed tables (CREATE TABLE … OF type) are not modelled");
    }
    if (c.isSymbol("(")) {
      int mark = c.mark();
      c.next();
      if (isColumnNameListForAs(c)) {
        c.reset(mark);
      } else {
        tableElements(c, partitionOf != null, columns, constraints, likeTables);
      }
    }
    if (partitionOf != null) {
      partitionBound = c.accept("default") ? "DEFAULT" : partitionBound(c);
    }
    if (c.is("as") || (c.isSymbol("(") && columns.isEmpty())) {
      return createTableAs(c, name, ifNotExists, persistence);
    }
    List<QualifiedName> inherits = List.of();
    String partitionBy = null;
    while (!c.atEnd()) {
      if (c.accept("inherits")) {
        c.expectSymbol("(");
        inherits = c.qualifiedNameList();
        c.expectSymbol(")");
      } else if (c.accept("partition", "by")) {
        partitionBy = c.textUntil(cur -> cur.isAny("using", "with", "without", "on", "tablespace"));
      } else if (c.accept("using")) {
        c.name();
      } else if (c.accept("with")) {
        c.parenthesized();
      } else if (c.accept("without", "oids")) {
        continue;
      } else if (c.accept("on", "commit")) {
        c.next();
        c.accept("rows");
      } else if (c.accept("tablespace")) {
        c.name();
      } else {
        throw c.fail("unexpected '" + c.peek().text() + "' after the table definition");
      }
    }
    return new CreateTable(name, ifNotExists, persistence, columns, constraints, partitionOf, partitionBound,
        partitionBy, inherits, likeTables, null);
  }

  /** {@code CREATE TABLE t (a, b) AS …}: the parenthesis holds bare column names, not definitions. */
  private static boolean isColumnNameListForAs(TokenCursor c) {
    int mark = c.mark();
    try {
      do {
        c.name();
      } while (c.acceptSymbol(","));
      return c.acceptSymbol(")") && c.is("as");
    } catch (ParseFailure e) {
      return false;
    } finally {
      c.reset(mark);
    }
  }

  private static CreateTable createTableAs(TokenCursor c, QualifiedName name, boolean ifNotExists,
      Persistence persistence) {
    if (c.isSymbol("(")) {
      c.parenthesizedNames();
    }
    while (!c.is("as")) {
      if (c.accept("with")) {
        c.parenthesized();
      } else if (c.accept("tablespace")) {
        c.name();
      } else if (c.accept("using")) {
        c.name();
      } else {
        throw c.fail("expected AS");
      }
    }
    c.expect("as");
    String query = c.textUntil(cur -> cur.is("with", "data") || cur.is("with", "no", "data"));
    if (query.isEmpty()) {
      throw c.fail("expected the query of CREATE TABLE … AS");
    }
    if (!c.accept("with", "data")) {
      c.accept("with", "no", "data");
    }
    c.expectEnd();
    return new CreateTable(name, ifNotExists, persistence, List.of(), List.of(), null, null, null, List.of(),
        List.of(), query);
  }

  private static void tableElements(TokenCursor c, boolean partition, List<ColumnDefinition> columns,
      List<ConstraintDefinition> constraints, List<QualifiedName> likeTables) {
    if (c.acceptSymbol(")")) {
      return;
    }
    do {
      if (Constraints.startsTableConstraint(c)) {
        constraints.add(Constraints.tableConstraint(c));
      } else if (c.accept("like")) {
        likeTables.add(c.qualifiedName());
        while (c.isAny("including", "excluding")) {
          c.next();
          c.next();
        }
      } else if (partition) {
        // PARTITION OF: "name WITH OPTIONS constraints" refines an inherited column.
        throw c.fail("column options in CREATE TABLE … PARTITION OF are not modelled");
      } else {
        ColumnDefinition column = ColumnDefinitions.parse(c);
        columns.add(column);
        constraints.addAll(column.constraints());
      }
    } while (c.acceptSymbol(","));
    c.expectSymbol(")");
  }

  private static String partitionBound(TokenCursor c) {
    int start = c.mark();
    c.expect("for", "values");
    c.textUntil(cur -> cur.isAny("partition", "using", "with", "without", "on", "tablespace"));
    return c.textBetween(start, c.mark());
  }

  private static List<Operation> alterTable(TokenCursor c) {
    if (c.is("all", "in", "tablespace")) {
      throw c.fail("ALTER TABLE ALL IN TABLESPACE is not modelled");
    }
    boolean ifExists = c.acceptIfExists();
    boolean only = c.accept("only");
    QualifiedName name = c.qualifiedName();
    c.acceptSymbol("*");
    TableRef table = new TableRef(name, only, ifExists);
    if (c.accept("rename")) {
      return List.of(rename(c, table));
    }
    if (c.accept("set", "schema")) {
      String schema = c.name();
      c.expectEnd();
      return List.of(new SetSchema(ObjectType.TABLE, name, schema));
    }
    List<Operation> actions = new ArrayList<>();
    do {
      actions.addAll(AlterTableActions.parse(c, table));
    } while (c.acceptSymbol(","));
    c.expectEnd();
    return actions;
  }

  private static Operation rename(TokenCursor c, TableRef table) {
    Operation op;
    if (c.accept("to")) {
      op = new Rename(ObjectType.TABLE, table.name(), c.name(), table.ifExists());
    } else if (c.accept("constraint")) {
      String from = c.name();
      c.expect("to");
      op = new RenameConstraint(table, from, c.name());
    } else {
      c.accept("column");
      String from = c.name();
      c.expect("to");
      op = new RenameColumn(table, from, c.name());
    }
    c.expectEnd();
    return op;
  }
}
