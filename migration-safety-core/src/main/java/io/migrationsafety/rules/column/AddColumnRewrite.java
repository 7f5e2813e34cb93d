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
 * A column added to a large table that fills itself per row — {@code serial}/{@code bigserial},
 * {@code GENERATED … AS IDENTITY}, or {@code GENERATED ALWAYS AS (…) STORED}: every existing row
 * needs its own value, so PostgreSQL rewrites the table under ACCESS EXCLUSIVE (SQL Commands: ALTER
 * TABLE, ADD COLUMN). A PostgreSQL 18 {@code VIRTUAL} generated column is computed on read and is
 * not flagged.
 */
public final class AddColumnRewrite implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("add-column-rewrite",
      "Serial, identity or stored generated column added to a large table: a full rewrite", Severity.BLOCKED);

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
    String kind = column.type().isSerial() ? column.type().name() + " column"
        : column.identity() != null ? "identity column"
        : column.generated() != null && column.generated().stored() ? "stored generated column" : null;
    QualifiedName table = context.resolve(add.table().name());
    if (kind == null || !context.isLarge(table)) {
      return List.of();
    }
    boolean storedGenerated = column.generated() != null && column.generated().stored();
    String virtual = storedGenerated && context.postgresVersion() >= 18
        ? "-- PostgreSQL 18+: a VIRTUAL generated column is computed on read, added without a rewrite (it cannot be "
            + "indexed):\n" + context.statement().statement().text().replaceAll("(?i)\\bstored\\b", "VIRTUAL") + ";\n"
            + "-- or, to keep it stored:\n"
        : "";
    return List.of(context.finding(this,
        "Adding " + kind + " " + column.name() + " to " + table + " rewrites the whole table",
        "Each existing row gets its own value (a sequence number or a computed one), so PostgreSQL writes a new "
            + "copy of the table and its indexes while it holds ACCESS EXCLUSIVE: all reads and writes wait.",
        virtual + "-- add a plain nullable column, fill it in batches, then attach what fills new rows:\n"
            + "ALTER TABLE " + add.table().name().sql() + " ADD COLUMN " + QualifiedName.quote(column.name()) + " "
            + plainType(column) + ";"));
  }

  /** The type without what makes it fill itself: serial is integer, bigserial bigint. */
  private static String plainType(ColumnDefinition column) {
    return switch (column.type().name()) {
      case "serial" -> "integer";
      case "bigserial" -> "bigint";
      case "smallserial" -> "smallint";
      default -> column.type().sql();
    };
  }
}
