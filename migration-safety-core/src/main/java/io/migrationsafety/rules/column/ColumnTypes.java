package io.migrationsafety.rules.column;

import io.migrationsafety.operation.AddColumn;
import io.migrationsafety.operation.AlterColumnType;
import io.migrationsafety.operation.ColumnDefinition;
import io.migrationsafety.operation.CreateTable;
import io.migrationsafety.operation.DataType;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.sql.SqlStatement;
import io.migrationsafety.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The column types a statement declares — in CREATE TABLE, ADD COLUMN and ALTER COLUMN … TYPE —
 * for the type-policy rules, and the statement rewritten with better types.
 */
final class ColumnTypes {

  /** A column and the type the statement gives it. */
  record Declared(String column, DataType type, ColumnDefinition definition) {}

  private ColumnTypes() {}

  /** The columns {@code operation} declares or retypes. */
  static List<Declared> of(Operation operation) {
    List<Declared> declared = new ArrayList<>();
    if (operation instanceof CreateTable create) {
      create.columns().forEach(c -> declared.add(new Declared(c.name(), c.type(), c)));
    } else if (operation instanceof AddColumn add) {
      declared.add(new Declared(add.column().name(), add.column().type(), add.column()));
    } else if (operation instanceof AlterColumnType alter) {
      declared.add(new Declared(alter.column(), alter.type(), null));
    }
    return declared;
  }

  /**
   * The statement's text with the type of each column in {@code columns} — where it stands right
   * after the column's name, or after {@code TYPE} — replaced by {@code better}; {@code null} when
   * none is found as written.
   */
  static String rewrite(SqlStatement statement, List<Declared> columns, Function<DataType, String> better) {
    List<Token> tokens = statement.tokens();
    String text = statement.text();
    int base = statement.span().start().offset();
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token t = tokens.get(i);
      for (Declared d : columns) {
        boolean before = t.is("type") || (t.isName() && t.identifier().equals(d.column()));
        int start = tokens.get(i + 1).offset() - base;
        if (before && start >= copied && text.startsWith(d.type().text(), start)) {
          out.append(text, copied, start).append(better.apply(d.type()));
          copied = start + d.type().text().length();
          break;
        }
      }
    }
    return copied == 0 ? null : out.append(text.substring(copied)).toString();
  }

  /** The names of the columns whose type {@code test} accepts. */
  static List<Declared> matching(Operation operation, Predicate<Declared> test) {
    return of(operation).stream().filter(test).toList();
  }
}
