package io.migrationsafety.rules.column;

import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import java.util.List;

/**
 * A column declared, added or changed to {@code json}: {@code json} keeps the input text as is, has
 * no equality operator (so {@code DISTINCT}, {@code UNION}, {@code GROUP BY} over the row fail) and
 * no GIN indexing; {@code jsonb} has all of these (Data Types: JSON Types).
 */
public final class PreferJsonb implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("prefer-jsonb",
      "a json column: jsonb compares, indexes and queries faster", Severity.WARNING);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    List<ColumnTypes.Declared> columns = ColumnTypes.matching(context.operation(), d -> d.type().name().equals("json"));
    if (columns.isEmpty()) {
      return List.of();
    }
    String safe = ColumnTypes.rewrite(context.statement().statement(), columns,
        t -> "jsonb" + "[]".repeat(t.arrayDimensions()));
    return List.of(context.finding(this,
        "Column " + String.join(", ", columns.stream().map(ColumnTypes.Declared::column).toList())
            + " is json; use jsonb",
        "json stores the text as written and re-parses it on every access; it has no equality operator, so "
            + "SELECT DISTINCT, UNION and GROUP BY over rows holding it fail, and it cannot have a GIN index. "
            + "jsonb is parsed once, compares, and indexes.",
        safe == null ? null : safe + ";"));
  }
}
