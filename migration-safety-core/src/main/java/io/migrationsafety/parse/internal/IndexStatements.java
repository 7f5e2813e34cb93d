package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.AlterIndex;
import io.migrationsafety.operation.CreateIndex;
import io.migrationsafety.operation.IndexElement;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Reindex;
import io.migrationsafety.operation.Rename;
import io.migrationsafety.operation.SetSchema;
import io.migrationsafety.operation.SetTablespace;
import io.migrationsafety.operation.SqlExpression;
import io.migrationsafety.operation.TableRef;
import io.migrationsafety.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code CREATE INDEX}, {@code ALTER INDEX} and {@code REINDEX} (SQL Commands: CREATE INDEX,
 * ALTER INDEX, REINDEX). {@code DROP INDEX} is read with the other DROP statements.
 */
final class IndexStatements implements StatementFamily {

  @Override
  public Set<String> heads() {
    return Set.of("create index", "alter index", "reindex");
  }

  @Override
  public List<Operation> parse(TokenCursor c) {
    if (c.accept("create")) {
      return List.of(createIndex(c));
    }
    if (c.accept("alter", "index")) {
      return List.of(alterIndex(c));
    }
    return List.of(reindex(c));
  }

  private static CreateIndex createIndex(TokenCursor c) {
    boolean unique = c.accept("unique");
    c.expect("index");
    boolean concurrently = c.accept("concurrently");
    boolean ifNotExists = c.acceptIfNotExists();
    String name = c.is("on") ? null : c.name();
    c.expect("on");
    boolean only = c.accept("only");
    QualifiedName table = c.qualifiedName();
    String method = c.accept("using") ? c.name() : "btree";
    c.expectSymbol("(");
    List<IndexElement> elements = new ArrayList<>();
    do {
      elements.add(element(c));
    } while (c.acceptSymbol(","));
    c.expectSymbol(")");
    List<String> include = c.accept("include") ? c.parenthesizedNames() : List.of();
    boolean nullsNotDistinct = c.accept("nulls", "not", "distinct");
    if (!nullsNotDistinct) {
      c.accept("nulls", "distinct");
    }
    String storage = c.accept("with") ? c.parenthesized().strip() : "";
    String tablespace = c.accept("tablespace") ? c.name() : null;
    SqlExpression predicate = null;
    if (c.accept("where")) {
      String text = c.rest();
      if (text.isEmpty()) {
        throw c.fail("expected the index predicate");
      }
      predicate = ExpressionAnalyzer.analyze(text);
    }
    c.expectEnd();
    return new CreateIndex(name, new TableRef(table, only, false), unique, concurrently, ifNotExists, method,
        elements, include, predicate, storage, tablespace, nullsNotDistinct);
  }

  /** {@code column | (expression) | function(…)} then collation, operator class, order, nulls order. */
  private static IndexElement element(TokenCursor c) {
    String column = null;
    SqlExpression expression = null;
    if (c.isSymbol("(")) {
      expression = ExpressionAnalyzer.analyze(c.parenthesized().strip());
    } else if (c.isName() && c.peek(1) != null && (c.peek(1).isSymbol("(") || c.peek(1).isSymbol("."))) {
      int start = c.mark();
      c.qualifiedName();
      c.parenthesized();
      expression = ExpressionAnalyzer.analyze(c.textBetween(start, c.mark()));
    } else {
      column = c.name();
    }
    String collation = c.accept("collate") ? c.qualifiedName().sql() : null;
    String opclass = null;
    if (c.isName() && !c.isAny("asc", "desc", "nulls")) {
      opclass = c.qualifiedName().sql();
      if (c.isSymbol("(")) {
        opclass += "(" + c.parenthesized() + ")";
      }
    }
    boolean descending = false;
    if (c.accept("desc")) {
      descending = true;
    } else {
      c.accept("asc");
    }
    Boolean nullsFirst = null;
    if (c.accept("nulls", "first")) {
      nullsFirst = true;
    } else if (c.accept("nulls", "last")) {
      nullsFirst = false;
    }
    return new IndexElement(column, expression, collation, opclass, descending, nullsFirst);
  }

  private static Operation alterIndex(TokenCursor c) {
    if (c.is("all", "in", "tablespace")) {
      throw c.fail("ALTER INDEX ALL IN TABLESPACE is not modelled");
    }
    boolean ifExists = c.acceptIfExists();
    QualifiedName name = c.qualifiedName();
    Operation op;
    if (c.accept("rename", "to")) {
      op = new Rename(ObjectType.INDEX, name, c.name(), ifExists);
    } else if (c.accept("set", "schema")) {
      op = new SetSchema(ObjectType.INDEX, name, c.name());
    } else if (c.accept("set", "tablespace")) {
      op = new SetTablespace(ObjectType.INDEX, name, c.name());
    } else if (c.is("attach", "partition")) {
      int start = c.mark();
      c.next();
      c.next();
      QualifiedName partition = c.qualifiedName();
      op = new AlterIndex(name, partition, c.textBetween(start, c.mark()));
    } else if (c.isAny("set", "reset", "alter", "depends", "no")) {
      op = new AlterIndex(name, null, c.rest());
    } else {
      throw c.fail("unknown ALTER INDEX subcommand");
    }
    c.expectEnd();
    return op;
  }

  private static Reindex reindex(TokenCursor c) {
    c.expect("reindex");
    boolean concurrently = false;
    if (c.isSymbol("(")) {
      // PostgreSQL 14+: options in parentheses, e.g. (VERBOSE, CONCURRENTLY, TABLESPACE t).
      for (String option : c.parenthesized().toLowerCase(Locale.ROOT).split(",")) {
        String o = option.strip();
        if (o.equals("concurrently") || o.equals("concurrently true") || o.equals("concurrently on")) {
          concurrently = true;
        }
      }
    }
    ObjectType target;
    if (c.accept("index")) {
      target = ObjectType.INDEX;
    } else if (c.accept("table")) {
      target = ObjectType.TABLE;
    } else if (c.accept("schema")) {
      target = ObjectType.SCHEMA;
    } else if (c.accept("database") || c.accept("system")) {
      target = ObjectType.DATABASE;
    } else {
      throw c.fail("expected INDEX, TABLE, SCHEMA, DATABASE or SYSTEM");
    }
    concurrently |= c.accept("concurrently");
    QualifiedName name = null;
    if (c.peek() != null && (c.peek().type() == TokenType.IDENTIFIER || c.peek().type() == TokenType.QUOTED_IDENTIFIER)) {
      name = c.qualifiedName();
    } else if (target != ObjectType.DATABASE) {
      throw c.fail("expected a name");
    }
    c.expectEnd();
    return new Reindex(target, name, concurrently);
  }
}
