package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.ColumnDefinition;
import io.migrationsafety.operation.ConstraintDefinition;
import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.DataType;
import io.migrationsafety.operation.GeneratedColumn;
import io.migrationsafety.operation.Identity;
import io.migrationsafety.operation.SqlExpression;
import java.util.ArrayList;
import java.util.List;

/**
 * Column definitions ({@code columnDef} and {@code ColConstraint} of gram.y), shared by
 * {@code CREATE TABLE}, {@code ALTER TABLE … ADD COLUMN} and {@code CREATE TYPE … AS (…)}.
 * Column constraints come out as table constraints over the one column.
 */
final class ColumnDefinitions {

  private ColumnDefinitions() {}

  /** Reads {@code name type [COLLATE c] [column constraints…]}. */
  static ColumnDefinition parse(TokenCursor c) {
    String name = c.name();
    DataType type = DataTypes.parse(c);
    boolean notNull = false;
    SqlExpression defaultValue = null;
    Identity identity = null;
    GeneratedColumn generated = null;
    String collation = null;
    List<ConstraintDefinition> constraints = new ArrayList<>();
    while (!c.atEnd() && !c.isSymbol(",") && !c.isSymbol(")")) {
      String constraintName = c.accept("constraint") ? c.name() : null;
      if (c.accept("not", "null")) {
        notNull = true;
        if (constraintName != null) {
          constraints.add(Constraints.simple(constraintName, ConstraintKind.NOT_NULL, List.of(name), null));
        }
      } else if (c.accept("null")) {
        notNull = false;
      } else if (c.accept("default")) {
        defaultValue = expressionUntilConstraint(c);
      } else if (c.accept("collate")) {
        collation = c.qualifiedName().sql();
      } else if (c.accept("compression") || c.accept("storage")) {
        c.next();
      } else if (c.is("generated")) {
        c.next();
        if (c.accept("always", "as", "identity")) {
          identity = new Identity(true, identityOptions(c));
        } else if (c.accept("by", "default", "as", "identity")) {
          identity = new Identity(false, identityOptions(c));
        } else if (c.accept("always", "as")) {
          SqlExpression expression = ExpressionAnalyzer.analyze(c.parenthesized());
          boolean stored = c.accept("stored");
          if (!stored) {
            // PostgreSQL 18 added VIRTUAL, and made it the default.
            c.accept("virtual");
          }
          generated = new GeneratedColumn(expression, stored);
        } else {
          throw c.fail("expected ALWAYS AS or BY DEFAULT AS IDENTITY");
        }
      } else if (Constraints.startsColumnConstraint(c)) {
        ConstraintDefinition constraint = Constraints.columnConstraint(c, constraintName, name);
        if (constraint.kind() == ConstraintKind.PRIMARY_KEY) {
          notNull = true;
        }
        constraints.add(constraint);
      } else if (c.isAny("deferrable", "initially") || c.is("not", "deferrable")) {
        // Characteristics written after the constraint they belong to.
        if (constraints.isEmpty()) {
          throw c.fail("DEFERRABLE without a constraint");
        }
        int last = constraints.size() - 1;
        constraints.set(last, Constraints.withCharacteristics(c, constraints.get(last)));
      } else {
        throw c.fail("unexpected '" + c.peek().text() + "' in the definition of column " + name);
      }
    }
    return new ColumnDefinition(name, type, notNull, defaultValue, identity, generated, collation, constraints);
  }

  /** A DEFAULT's expression: gram.y's b_expr, which ends where the next column constraint starts. */
  static SqlExpression expressionUntilConstraint(TokenCursor c) {
    int start = c.mark();
    String text = c.textUntil(cursor -> cursor.mark() > start && (cursor.isSymbol(",")
        || cursor.isAny("constraint", "not", "null", "check", "default", "generated", "unique",
            "primary", "references", "collate", "deferrable", "initially", "compression", "storage")));
    if (text.isEmpty()) {
      throw c.fail("expected an expression");
    }
    return ExpressionAnalyzer.analyze(text);
  }

  /** The optional parenthesized sequence options of an identity column. */
  static String identityOptions(TokenCursor c) {
    return c.isSymbol("(") ? c.parenthesized().strip() : "";
  }
}
