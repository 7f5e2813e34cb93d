package io.migrationsafety.rules.column;

import io.migrationsafety.operation.DataType;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import java.util.List;

/**
 * A column declared {@code timestamp} (without time zone): the value carries no zone, so the same
 * instant reads differently in sessions with different {@code TimeZone} settings, and daylight-saving
 * changes make local times ambiguous. {@code timestamptz} stores the instant (Data Types: Date/Time
 * Types).
 */
public final class PreferTimestamptz implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("prefer-timestamptz",
      "a timestamp without time zone column: timestamptz stores the instant", Severity.INFO);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    List<ColumnTypes.Declared> columns = ColumnTypes.matching(context.operation(),
        d -> d.type().name().equals("timestamp without time zone"));
    if (columns.isEmpty()) {
      return List.of();
    }
    String safe = ColumnTypes.rewrite(context.statement().statement(), columns, PreferTimestamptz::zoned);
    return List.of(context.finding(this,
        "Column " + String.join(", ", columns.stream().map(ColumnTypes.Declared::column).toList())
            + " is timestamp without time zone; use timestamptz",
        "A timestamp without time zone records a wall-clock time, not an instant: sessions in other time zones "
            + "read it as a different moment, and local times repeat or vanish when daylight saving changes.",
        safe == null ? null : safe + ";"));
  }

  private static String zoned(DataType type) {
    return "timestamptz" + (type.modifiers().isEmpty() ? "" : "(" + String.join(", ", type.modifiers()) + ")")
        + "[]".repeat(type.arrayDimensions());
  }
}
