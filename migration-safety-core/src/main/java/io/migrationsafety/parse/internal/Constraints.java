package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.ConstraintDefinition;
import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.ForeignKeyReference;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.ReferentialAction;
import io.migrationsafety.operation.SqlExpression;
import java.util.List;

/**
 * Table and column constraints ({@code TableConstraint}, {@code ColConstraint},
 * {@code ConstraintAttributeSpec} of gram.y): CHECK, UNIQUE, PRIMARY KEY, EXCLUDE, FOREIGN KEY and
 * REFERENCES, with NOT VALID, USING INDEX, DEFERRABLE and the rest.
 */
final class Constraints {

  private Constraints() {}

  /** Whether a table constraint starts here ({@code CONSTRAINT name} already read or not). */
  static boolean startsTableConstraint(TokenCursor c) {
    return c.isAny("constraint", "check", "unique", "primary", "exclude", "foreign")
        || c.is("not", "null");
  }

  /** Whether a column constraint that becomes a table constraint starts here. */
  static boolean startsColumnConstraint(TokenCursor c) {
    return c.isAny("check", "unique", "primary", "references");
  }

  static ConstraintDefinition simple(String name, ConstraintKind kind, List<String> columns, SqlExpression expression) {
    return new ConstraintDefinition(name, kind, columns, expression, null, false, null, false, false,
        List.of(), false, false);
  }

  /** Reads a table constraint: {@code [CONSTRAINT name] CHECK|UNIQUE|PRIMARY KEY|EXCLUDE|FOREIGN KEY … [attributes]}. */
  static ConstraintDefinition tableConstraint(TokenCursor c) {
    String name = c.accept("constraint") ? c.name() : null;
    Builder b = new Builder(name);
    if (c.accept("check")) {
      b.kind = ConstraintKind.CHECK;
      b.expression = ExpressionAnalyzer.analyze(c.parenthesized());
    } else if (c.accept("unique")) {
      b.kind = ConstraintKind.UNIQUE;
      b.nullsNotDistinct = nullsDistinct(c);
      keyOrIndex(c, b);
    } else if (c.accept("primary", "key")) {
      b.kind = ConstraintKind.PRIMARY_KEY;
      keyOrIndex(c, b);
    } else if (c.accept("exclude")) {
      b.kind = ConstraintKind.EXCLUDE;
      b.expression = exclusion(c, b);
    } else if (c.accept("foreign", "key")) {
      b.kind = ConstraintKind.FOREIGN_KEY;
      b.columns = c.parenthesizedNames();
      c.expect("references");
      b.references = references(c);
    } else if (c.accept("not", "null")) {
      // PostgreSQL 18: NOT NULL as a named table constraint.
      b.kind = ConstraintKind.NOT_NULL;
      b.columns = List.of(c.name());
    } else {
      throw c.fail("expected a constraint");
    }
    attributes(c, b);
    return b.build();
  }

  /** Reads a column constraint on {@code column} that is a table constraint in disguise. */
  static ConstraintDefinition columnConstraint(TokenCursor c, String name, String column) {
    Builder b = new Builder(name);
    b.columns = List.of(column);
    if (c.accept("check")) {
      b.kind = ConstraintKind.CHECK;
      b.expression = ExpressionAnalyzer.analyze(c.parenthesized());
      b.noInherit = c.accept("no", "inherit");
    } else if (c.accept("unique")) {
      b.kind = ConstraintKind.UNIQUE;
      b.nullsNotDistinct = nullsDistinct(c);
      indexParameters(c, b);
    } else if (c.accept("primary", "key")) {
      b.kind = ConstraintKind.PRIMARY_KEY;
      indexParameters(c, b);
    } else if (c.accept("references")) {
      b.kind = ConstraintKind.FOREIGN_KEY;
      b.references = references(c);
    } else {
      throw c.fail("expected a column constraint");
    }
    attributes(c, b);
    return b.build();
  }

  /** Adds characteristics written after a column constraint to it. */
  static ConstraintDefinition withCharacteristics(TokenCursor c, ConstraintDefinition d) {
    Builder b = new Builder(d);
    attributes(c, b);
    return b.build();
  }

  /**
   * {@code EXCLUDE [USING method] (element WITH operator, …) [index parameters] [WHERE (predicate)]},
   * kept as one expression whose volatility is that of its elements and predicate.
   */
  private static SqlExpression exclusion(TokenCursor c, Builder b) {
    String method = c.accept("using") ? c.name() : "btree";
    String elements = c.parenthesized();
    indexParameters(c, b);
    String predicate = c.accept("where") ? c.parenthesized() : null;
    SqlExpression analyzed = ExpressionAnalyzer.analyze(predicate == null ? elements : elements + " AND " + predicate);
    String sql = "USING " + method + " (" + elements + ")" + (predicate == null ? "" : " WHERE (" + predicate + ")");
    return new SqlExpression(sql, analyzed.volatility(), analyzed.functions());
  }

  private static boolean nullsDistinct(TokenCursor c) {
    if (c.accept("nulls", "not", "distinct")) {
      return true;
    }
    c.accept("nulls", "distinct");
    return false;
  }

  /** {@code (columns) [INCLUDE…] [WITH…] [USING INDEX TABLESPACE…]} or {@code USING INDEX name}. */
  private static void keyOrIndex(TokenCursor c, Builder b) {
    if (c.accept("using", "index")) {
      b.usingIndex = c.name();
      return;
    }
    b.columns = keyColumns(c);
    indexParameters(c, b);
  }

  /** Key columns; PostgreSQL 18's {@code WITHOUT OVERLAPS} on the last one is not modelled. */
  private static List<String> keyColumns(TokenCursor c) {
    int mark = c.mark();
    try {
      return c.parenthesizedNames();
    } catch (ParseFailure e) {
      c.reset(mark);
      throw c.fail("expected a list of key columns");
    }
  }

  private static void indexParameters(TokenCursor c, Builder b) {
    while (true) {
      if (c.accept("include")) {
        b.include = c.parenthesizedNames();
      } else if (c.is("with") && c.peek(1) != null && c.peek(1).isSymbol("(")) {
        c.next();
        c.parenthesized();
      } else if (c.accept("using", "index", "tablespace")) {
        c.name();
      } else {
        return;
      }
    }
  }

  private static ForeignKeyReference references(TokenCursor c) {
    QualifiedName table = c.qualifiedName();
    List<String> columns = c.isSymbol("(") ? c.parenthesizedNames() : List.of();
    String match = "SIMPLE";
    ReferentialAction onDelete = ReferentialAction.NO_ACTION;
    ReferentialAction onUpdate = ReferentialAction.NO_ACTION;
    while (true) {
      if (c.accept("match")) {
        match = c.next().text().toUpperCase(java.util.Locale.ROOT);
      } else if (c.accept("on", "delete")) {
        onDelete = action(c);
      } else if (c.accept("on", "update")) {
        onUpdate = action(c);
      } else {
        break;
      }
    }
    return new ForeignKeyReference(table, columns, onDelete, onUpdate, match);
  }

  private static ReferentialAction action(TokenCursor c) {
    ReferentialAction action;
    if (c.accept("no", "action")) {
      action = ReferentialAction.NO_ACTION;
    } else if (c.accept("restrict")) {
      action = ReferentialAction.RESTRICT;
    } else if (c.accept("cascade")) {
      action = ReferentialAction.CASCADE;
    } else if (c.accept("set", "null")) {
      action = ReferentialAction.SET_NULL;
    } else if (c.accept("set", "default")) {
      action = ReferentialAction.SET_DEFAULT;
    } else {
      throw c.fail("expected a referential action");
    }
    if ((action == ReferentialAction.SET_NULL || action == ReferentialAction.SET_DEFAULT) && c.isSymbol("(")) {
      c.parenthesizedNames(); // PostgreSQL 15: only these columns are set.
    }
    return action;
  }

  /** {@code ConstraintAttributeSpec}: deferrability, NOT VALID, NO INHERIT, [NOT] ENFORCED, in any order. */
  private static void attributes(TokenCursor c, Builder b) {
    while (true) {
      if (c.accept("deferrable")) {
        b.deferrable = true;
      } else if (c.accept("not", "deferrable")) {
        b.deferrable = false;
      } else if (c.accept("initially", "deferred")) {
        b.initiallyDeferred = true;
      } else if (c.accept("initially", "immediate")) {
        b.initiallyDeferred = false;
      } else if (c.accept("not", "valid")) {
        b.notValid = true;
      } else if (c.accept("no", "inherit")) {
        b.noInherit = true;
      } else if (c.accept("enforced") || c.accept("not", "enforced")) {
        // PostgreSQL 18; unenforced constraints are not modelled differently.
        continue;
      } else {
        return;
      }
    }
  }

  private static final class Builder {
    final String name;
    ConstraintKind kind;
    List<String> columns = List.of();
    SqlExpression expression;
    ForeignKeyReference references;
    boolean notValid;
    String usingIndex;
    boolean deferrable;
    boolean initiallyDeferred;
    List<String> include = List.of();
    boolean noInherit;
    boolean nullsNotDistinct;

    Builder(String name) {
      this.name = name;
    }

    Builder(ConstraintDefinition d) {
      this(d.name());
      kind = d.kind();
      columns = d.columns();
      expression = d.expression();
      references = d.references();
      notValid = d.notValid();
      usingIndex = d.usingIndex();
      deferrable = d.deferrable();
      initiallyDeferred = d.initiallyDeferred();
      include = d.include();
      noInherit = d.noInherit();
      nullsNotDistinct = d.nullsNotDistinct();
    }

    ConstraintDefinition build() {
      return new ConstraintDefinition(name, kind, columns, expression, references, notValid, usingIndex,
          deferrable || initiallyDeferred, initiallyDeferred, include, noInherit, nullsNotDistinct);
    }
  }
}
