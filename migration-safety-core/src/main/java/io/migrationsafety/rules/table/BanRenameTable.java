package io.migrationsafety.rules.table;

import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Rename;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import java.util.List;

/**
 * {@code ALTER TABLE … RENAME TO} on an existing table: every running application instance that
 * still uses the old name fails from the moment it commits.
 */
public final class BanRenameTable implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("ban-rename-table",
      "Renaming a table breaks the application code that still uses the old name", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof Rename rename) || rename.objectType() != ObjectType.TABLE) {
      return List.of();
    }
    QualifiedName table = context.resolve(rename.name());
    if (context.isNewTable(table)) {
      return List.of();
    }
    QualifiedName renamed = QualifiedName.of(table.schema(), rename.newName());
    return List.of(context.finding(this,
        "Renaming table " + table + " to " + rename.newName() + " breaks every running query that uses the old name",
        "During a deploy, old and new application versions run side by side; the old ones fail as soon as the "
            + "rename commits.",
        context.statement().statement().text() + ";\n"
            + "-- keep the old name working until no release uses it (a simple view is updatable), then drop it:\n"
            + "CREATE VIEW " + table.sql() + " AS SELECT * FROM " + renamed.sql() + ";"));
  }
}
