package io.migrationsafety.rules.column;

import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.SetNotNull;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Table;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ALTER COLUMN … SET NOT NULL} on a large table: PostgreSQL scans the whole table to check
 * for NULLs while it holds ACCESS EXCLUSIVE — unless (from 12) a valid {@code CHECK (col IS NOT
 * NULL)} already proves it (SQL Commands: ALTER TABLE, SET NOT NULL).
 */
public final class SetNotNullScan implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("set-not-null-scan",
      "SET NOT NULL scans the whole table under ACCESS EXCLUSIVE unless a valid CHECK proves it", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof SetNotNull set)) {
      return List.of();
    }
    QualifiedName table = context.resolve(set.table().name());
    if (!context.isLarge(table) || provenByCheck(context.tableBefore(table), set.column())) {
      return List.of();
    }
    String t = set.table().name().sql();
    String c = QualifiedName.quote(set.column());
    String check = QualifiedName.quote(limit(set.table().name().name() + "_" + set.column() + "_not_null"));
    String safe = "ALTER TABLE " + t + " ADD CONSTRAINT " + check + " CHECK (" + c + " IS NOT NULL) NOT VALID;\n"
        + "-- in a later transaction (takes SHARE UPDATE EXCLUSIVE: reads and writes go on):\n"
        + "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + check + ";\n"
        + "-- the valid CHECK lets SET NOT NULL skip its scan:\n"
        + "ALTER TABLE " + t + " ALTER COLUMN " + c + " SET NOT NULL;\n"
        + "ALTER TABLE " + t + " DROP CONSTRAINT " + check + ";";
    return List.of(context.finding(this,
        "SET NOT NULL on " + set.column() + " of " + table + " scans the whole table while blocking reads and writes",
        "PostgreSQL checks every row for NULL while it holds ACCESS EXCLUSIVE, and the statement fails if one "
            + "is found. From PostgreSQL 12 a valid CHECK (" + set.column() + " IS NOT NULL) lets it skip the scan.",
        safe));
  }

  /** Whether a validated CHECK on the table says exactly that the column is not NULL. */
  static boolean provenByCheck(Optional<Table> table, String column) {
    if (table.isEmpty()) {
      return false;
    }
    String wanted = column.toLowerCase(Locale.ROOT) + " is not null";
    for (Constraint c : table.get().constraints()) {
      if (c.kind() == ConstraintKind.CHECK && c.valid() && c.expression() != null) {
        String e = c.expression().toLowerCase(Locale.ROOT).replace("\"", "").replaceAll("[()]", "").strip()
            .replaceAll("\\s+", " ");
        if (e.equals(wanted)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String limit(String identifier) {
    return identifier.length() <= 63 ? identifier : identifier.substring(0, 63);
  }
}
