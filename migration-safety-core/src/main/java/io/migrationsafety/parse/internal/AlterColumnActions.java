package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.AddIdentity;
import io.migrationsafety.operation.AlterColumnAttribute;
import io.migrationsafety.operation.AlterColumnType;
import io.migrationsafety.operation.AlterIdentity;
import io.migrationsafety.operation.ColumnAttribute;
import io.migrationsafety.operation.DataType;
import io.migrationsafety.operation.DropColumnDefault;
import io.migrationsafety.operation.DropIdentity;
import io.migrationsafety.operation.DropNotNull;
import io.migrationsafety.operation.Identity;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.SetColumnDefault;
import io.migrationsafety.operation.SetNotNull;
import io.migrationsafety.operation.SqlExpression;
import io.migrationsafety.operation.TableRef;

/**
 * {@code ALTER TABLE … ALTER [COLUMN] name …}: type, default, nullability, identity, generation
 * expression, statistics, storage and compression.
 */
final class AlterColumnActions {

  private AlterColumnActions() {}

  /** Reads what follows {@code ALTER [COLUMN] column}. */
  static Operation parse(TokenCursor c, TableRef table, String column) {
    if (c.accept("type") || c.accept("set", "data", "type")) {
      DataType type = DataTypes.parse(c);
      String collation = c.accept("collate") ? c.qualifiedName().sql() : null;
      SqlExpression using = null;
      if (c.accept("using")) {
        String text = AlterTableActions.untilComma(c);
        if (text.isEmpty()) {
          throw c.fail("expected the USING expression");
        }
        using = ExpressionAnalyzer.analyze(text);
      }
      return new AlterColumnType(table, column, type, collation, using);
    }
    if (c.accept("set", "default")) {
      String text = AlterTableActions.untilComma(c);
      if (text.isEmpty()) {
        throw c.fail("expected the default expression");
      }
      return new SetColumnDefault(table, column, ExpressionAnalyzer.analyze(text));
    }
    if (c.accept("drop", "default")) {
      return new DropColumnDefault(table, column);
    }
    if (c.accept("set", "not", "null")) {
      return new SetNotNull(table, column);
    }
    if (c.accept("drop", "not", "null")) {
      return new DropNotNull(table, column);
    }
    if (c.accept("add", "generated")) {
      boolean always;
      if (c.accept("always")) {
        always = true;
      } else {
        c.expect("by", "default");
        always = false;
      }
      c.expect("as", "identity");
      return new AddIdentity(table, column, new Identity(always, ColumnDefinitions.identityOptions(c)));
    }
    if (c.accept("drop", "identity")) {
      return new DropIdentity(table, column, c.acceptIfExists());
    }
    if (c.accept("drop", "expression")) {
      c.acceptIfExists();
      return attribute(table, column, ColumnAttribute.DROP_EXPRESSION, "");
    }
    if (c.accept("set", "expression", "as")) {
      String text = c.parenthesized();
      return attribute(table, column, ColumnAttribute.SET_EXPRESSION, text);
    }
    if (c.accept("set", "statistics")) {
      return attribute(table, column, ColumnAttribute.STATISTICS, AlterTableActions.untilComma(c));
    }
    if (c.accept("set", "storage")) {
      return attribute(table, column, ColumnAttribute.STORAGE, c.next().text().toUpperCase(java.util.Locale.ROOT));
    }
    if (c.accept("set", "compression")) {
      return attribute(table, column, ColumnAttribute.COMPRESSION, c.next().text());
    }
    if (c.is("set") && c.peek(1) != null && c.peek(1).isSymbol("(")) {
      c.next();
      return attribute(table, column, ColumnAttribute.OPTIONS, c.parenthesized());
    }
    if (c.accept("reset")) {
      return attribute(table, column, ColumnAttribute.RESET_OPTIONS, c.parenthesized());
    }
    if (c.isAny("set", "restart")) {
      return identityChange(c, table, column);
    }
    throw c.fail("unknown ALTER COLUMN subcommand");
  }

  /**
   * {@code SET GENERATED …}, {@code RESTART [[WITH] n]} and {@code SET sequence_option}, any number
   * in a row, on an identity column.
   */
  private static Operation identityChange(TokenCursor c, TableRef table, String column) {
    int start = c.mark();
    while (c.isAny("set", "restart")) {
      if (c.accept("restart")) {
        c.accept("with");
        if (c.peek() != null && c.peek().type() == io.migrationsafety.sql.TokenType.NUMBER) {
          c.next();
        }
      } else {
        c.next();
        if (c.accept("generated")) {
          if (!c.accept("always")) {
            c.expect("by", "default");
          }
        } else if (c.isAny("increment", "minvalue", "maxvalue", "start", "cache", "cycle", "no", "as")) {
          c.textUntil(cur -> cur.isSymbol(",") || cur.isAny("set", "restart"));
        } else {
          throw c.fail("unknown ALTER COLUMN … SET subcommand");
        }
      }
    }
    return new AlterIdentity(table, column, c.textBetween(start, c.mark()));
  }

  private static AlterColumnAttribute attribute(TableRef table, String column, ColumnAttribute attribute,
      String value) {
    return new AlterColumnAttribute(table, column, attribute, value.strip());
  }
}
