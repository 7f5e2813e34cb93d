package io.migrationsafety.rules.column;

import io.migrationsafety.operation.AddColumn;
import io.migrationsafety.operation.ColumnDefinition;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import java.util.List;

/**
 * {@code ADD COLUMN … DEFAULT <volatile expression>} on a large table: from PostgreSQL 11 a
 * non-volatile default is stored once in the catalog, but a volatile one ({@code random()},
 * {@code clock_timestamp()}, {@code gen_random_uuid()}, a user function) must be computed for every
 * row, so the table is rewritten under ACCESS EXCLUSIVE (SQL Commands: ALTER TABLE, notes on
 * ADD COLUMN).
 */
public final class AddColumnVolatileDefault implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("add-column-volatile-default",
      "Column added with a volatile default: the table is rewritten under ACCESS EXCLUSIVE", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof AddColumn add) || !add.column().hasDefault()
        || !add.column().defaultValue().volatility().mayDifferPerRow()) {
      return List.of();
    }
    QualifiedName table = context.resolve(add.table().name());
    if (!context.isLarge(table)) {
      return List.of();
    }
    ColumnDefinition column = add.column();
    String t = add.table().name().sql();
    String c = QualifiedName.quote(column.name());
    String safe = "ALTER TABLE " + t + " ADD COLUMN " + c + " " + column.type().text() + ";\n"
        + "ALTER TABLE " + t + " ALTER COLUMN " + c + " SET DEFAULT " + column.defaultValue().sql() + ";\n"
        + "-- then fill existing rows in batches, each in its own transaction:\n"
        + "UPDATE " + t + " SET " + c + " = " + column.defaultValue().sql() + " WHERE ctid = ANY (ARRAY(SELECT ctid FROM "
        + t + " WHERE " + c + " IS NULL LIMIT 10000));";
    return List.of(context.finding(this,
        "Adding column " + column.name() + " to " + table + " with the default " + column.defaultValue().sql()
            + " (" + column.defaultValue().volatility().name().toLowerCase() + ") rewrites the whole table",
        "A default that can differ per row is computed for every existing row: PostgreSQL rewrites the table and "
            + "its indexes while it holds ACCESS EXCLUSIVE, so every read and write waits until it is done.",
        safe));
  }
}
