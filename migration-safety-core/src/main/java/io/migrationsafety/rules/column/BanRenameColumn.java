package io.migrationsafety.rules.column;

import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.RenameColumn;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import java.util.List;

/**
 * {@code RENAME COLUMN} on an existing table: the rename itself is a quick catalog change, but every
 * running instance of the application that still uses the old name fails from that moment — a
 * deploy cannot switch all instances at the same instant.
 */
public final class BanRenameColumn implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("ban-rename-column",
      "Renaming a column breaks the application code that still uses the old name", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof RenameColumn rename)) {
      return List.of();
    }
    QualifiedName table = context.resolve(rename.table().name());
    if (context.isNewTable(table)) {
      return List.of();
    }
    String t = rename.table().name().sql();
    String added = QualifiedName.quote(rename.newName());
    String old = QualifiedName.quote(rename.column());
    String type = context.tableBefore(table).flatMap(x -> x.column(rename.column()))
        .map(c -> c.type().sql()).orElse(null);
    String safe = (type == null
        ? "-- give " + added + " the type of " + old + " (the review does not know it):\n-- ALTER TABLE " + t
            + " ADD COLUMN " + added + " <type of " + old + ">;\n"
        : "ALTER TABLE " + t + " ADD COLUMN " + added + " " + type + ";\n")
            + "-- write both columns from the application (or a trigger), backfill " + added + " in batches,\n"
            + "-- move every reader to " + added + ", then in a later release:\n"
            + "ALTER TABLE " + t + " DROP COLUMN " + old + ";";
    return List.of(context.finding(this,
        "Renaming column " + rename.column() + " of " + table + " to " + rename.newName()
            + " breaks every running query that uses the old name",
        "During a deploy, old and new application versions run side by side: the old ones still read and write "
            + rename.column() + ", and fail as soon as the rename commits.",
        safe));
  }
}
