package io.migrationsafety.rules.column;

import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import java.util.List;

/**
 * A column declared {@code char(n)} / {@code character(n)}: values are padded with spaces to
 * {@code n}, the padding is ignored in some comparisons and not in others, and it is no faster than
 * {@code text} or {@code varchar(n)} (Data Types: Character Types). PostgreSQL's one-byte
 * {@code "char"} type is another type and is not flagged.
 */
public final class PreferText implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("prefer-text",
      "a char(n) column: blank-padded, no faster; text or varchar(n) behave as expected", Severity.INFO);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    List<ColumnTypes.Declared> columns = ColumnTypes.matching(context.operation(),
        d -> d.type().name().equals("character"));
    if (columns.isEmpty()) {
      return List.of();
    }
    String safe = ColumnTypes.rewrite(context.statement().statement(), columns,
        t -> (t.modifiers().isEmpty() ? "text" : "varchar(" + t.modifiers().get(0) + ")") + "[]".repeat(t.arrayDimensions()));
    return List.of(context.finding(this,
        "Column " + String.join(", ", columns.stream().map(ColumnTypes.Declared::column).toList())
            + " is char(n); use text or varchar(n)",
        "char(n) pads every value with spaces to its length; the padding counts in some comparisons and "
            + "functions and not in others, which surprises application code, and it saves nothing.",
        safe == null ? null : safe + ";"));
  }
}
