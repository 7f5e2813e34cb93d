package io.migrationsafety.rules.column;

import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.CreateTable;
import io.migrationsafety.operation.DataType;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import java.util.List;
import java.util.Set;

/**
 * A primary-key or identity column of type {@code integer}/{@code serial} (or smaller): it runs out
 * at 2,147,483,647, and widening it later rewrites the table and every table referencing it
 * (Data Types: Numeric Types).
 */
public final class PreferBigintKey implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("prefer-bigint-key",
      "an integer primary key or identity column: it overflows at 2^31, and widening it rewrites", Severity.INFO);

  private static final Set<String> NARROW = Set.of("integer", "smallint", "serial", "smallserial");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    List<ColumnTypes.Declared> keys = ColumnTypes.matching(context.operation(), d -> NARROW.contains(d.type().name())
        && d.type().arrayDimensions() == 0 && isKey(context, d));
    if (keys.isEmpty()) {
      return List.of();
    }
    String safe = ColumnTypes.rewrite(context.statement().statement(), keys, PreferBigintKey::wide);
    return List.of(context.finding(this,
        "Key column " + String.join(", ", keys.stream().map(ColumnTypes.Declared::column).toList())
            + " is " + keys.get(0).type().name() + "; use bigint",
        "An integer key runs out after 2,147,483,647 values; widening it later to bigint rewrites the table and "
            + "every table whose foreign keys reference it, under ACCESS EXCLUSIVE.",
        safe == null ? null : safe + ";"));
  }

  private static boolean isKey(StatementContext context, ColumnTypes.Declared d) {
    if (d.definition() != null && (d.definition().identity() != null || d.type().isSerial()
        || d.definition().constraints().stream().anyMatch(c -> c.kind() == ConstraintKind.PRIMARY_KEY))) {
      return true;
    }
    return context.operation() instanceof CreateTable create && create.constraints().stream()
        .anyMatch(c -> c.kind() == ConstraintKind.PRIMARY_KEY && c.columns().contains(d.column()));
  }

  private static String wide(DataType type) {
    return switch (type.name()) {
      case "serial", "smallserial" -> "bigserial";
      default -> "bigint";
    };
  }
}
