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
 * {@code ADD COLUMN … NOT NULL} without a default on a table that already has rows: PostgreSQL
 * fills existing rows with NULL, so the statement fails ("column … contains null values") — on
 * production, after passing on an empty development database (SQL Commands: ALTER TABLE, ADD COLUMN).
 */
public final class AddColumnRequired implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("add-column-required",
      "NOT NULL column without a default added to a table that has rows: the statement fails", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof AddColumn add)) {
      return List.of();
    }
    ColumnDefinition column = add.column();
    boolean filledForExistingRows = column.hasDefault() || column.identity() != null
        || column.generated() != null || column.type().isSerial();
    QualifiedName table = context.resolve(add.table().name());
    if (!column.notNull() || filledForExistingRows || context.isNewTable(table) || context.knownEmpty(table)) {
      return List.of();
    }
    String t = add.table().name().sql();
    String c = QualifiedName.quote(column.name());
    String check = QualifiedName.quote(truncate(add.table().name().name() + "_" + column.name() + "_not_null"));
    String safe = "ALTER TABLE " + t + " ADD COLUMN " + c + " " + column.type().text() + ";\n"
        + "-- fill " + c + " for existing rows, in batches, then:\n"
        + "ALTER TABLE " + t + " ADD CONSTRAINT " + check + " CHECK (" + c + " IS NOT NULL) NOT VALID;\n"
        + "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + check + ";\n"
        + "ALTER TABLE " + t + " ALTER COLUMN " + c + " SET NOT NULL;\n"
        + "ALTER TABLE " + t + " DROP CONSTRAINT " + check + ";";
    return List.of(context.finding(this,
        "Adding NOT NULL column " + column.name() + " without a default to " + table
            + " fails if the table has any row",
        "Existing rows get NULL in the new column, which NOT NULL rejects: the migration passes on an empty "
            + "database and fails on one with data. Old application versions that do not write the column "
            + "would fail too.",
        safe));
  }


  private static String truncate(String identifier) {
    return identifier.length() <= 63 ? identifier : identifier.substring(0, 63);
  }
}
