package io.migrationsafety.rules.column;

import io.migrationsafety.operation.DropColumn;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import java.util.List;

/**
 * {@code DROP COLUMN} on an existing table: the data is gone, indexes and constraints on the column
 * go with it, and application code (and ORMs that cache the column list) still using it fails.
 */
public final class BanDropColumn implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("ban-drop-column",
      "Dropping a column loses its data and breaks the code that still uses it", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof DropColumn drop)) {
      return List.of();
    }
    QualifiedName table = context.resolve(drop.table().name());
    if (context.isNewTable(table)) {
      return List.of();
    }
    return List.of(context.finding(this,
        "Dropping column " + drop.column() + " of " + table + " deletes its data and breaks code that still uses it"
            + (drop.cascade() ? "; CASCADE also drops the views and constraints that depend on it" : ""),
        "Old application versions keep reading and writing the column during a deploy, and many ORMs cache the "
            + "column list at start-up. Indexes and constraints on the column disappear with it, without a word.",
        "-- 1. stop reading and writing " + drop.column() + " in the application, and deploy that;\n"
            + "-- 2. then, in a later release, suppress this finding with the reason:\n"
            + "-- migration-safety:ignore ban-drop-column no release reads " + drop.column() + " any more\n"
            + context.statement().statement().text() + ";"));
  }
}
