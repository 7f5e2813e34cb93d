package io.migrationsafety.rules.column;

import io.migrationsafety.operation.AlterColumnType;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import io.migrationsafety.schema.Column;
import java.util.List;
import java.util.Optional;

/**
 * {@code ALTER COLUMN … TYPE} that rewrites a large table: PostgreSQL copies every row and rebuilds
 * every index while it holds ACCESS EXCLUSIVE, so nothing can read or write the table (SQL
 * Commands: ALTER TABLE, SET DATA TYPE). Changes PostgreSQL makes in place (a longer
 * {@code varchar}, {@code varchar} to {@code text}, more numeric precision) are not flagged; when
 * the column's current type is unknown, a rewrite is assumed.
 */
public final class AlterColumnTypeRewrite implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("alter-column-type-rewrite",
      "Column type change that rewrites the table under ACCESS EXCLUSIVE", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof AlterColumnType change)) {
      return List.of();
    }
    QualifiedName table = context.resolve(change.table().name());
    if (!context.isLarge(table)) {
      return List.of();
    }
    Optional<Column> current = context.tableBefore(table).flatMap(t -> t.column(change.column()));
    // The lock model knows which type changes PostgreSQL makes in place; unknown counts as a rewrite.
    boolean rewrites = !context.locksKnown() || context.locks().stream().anyMatch(l -> l.rewrite());
    if (!rewrites) {
      return List.of();
    }
    String from = current.map(c -> "from " + c.type().sql() + " ").orElse("");
    String t = change.table().name().sql();
    String c = QualifiedName.quote(change.column());
    String added = QualifiedName.quote(truncate(change.column() + "_new"));
    String safe = "ALTER TABLE " + t + " ADD COLUMN " + added + " " + change.type().text() + ";\n"
        + "-- keep " + added + " in step with " + c + " (a trigger), backfill it in batches,\n"
        + "-- move the application to " + added + ", then in a later migration:\n"
        + "ALTER TABLE " + t + " DROP COLUMN " + c + ";\n"
        + "ALTER TABLE " + t + " RENAME COLUMN " + added + " TO " + c + ";";
    return List.of(context.finding(this,
        "Changing column " + change.column() + " of " + table + " " + from + "to " + change.type().sql()
            + " rewrites the whole table",
        "PostgreSQL copies every row into a new file and rebuilds every index of the table while it holds "
            + "ACCESS EXCLUSIVE: all reads and writes wait until it is done, and it needs room for a second copy.",
        safe));
  }

  private static String truncate(String identifier) {
    return identifier.length() <= 63 ? identifier : identifier.substring(0, 63);
  }
}
