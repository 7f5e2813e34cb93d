package io.migrationsafety.rules.column;

import io.migrationsafety.operation.AddColumn;
import io.migrationsafety.operation.AlterColumnType;
import io.migrationsafety.operation.ColumnDefinition;
import io.migrationsafety.operation.CreateTable;
import io.migrationsafety.operation.DataType;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import io.migrationsafety.sql.SqlStatement;
import io.migrationsafety.sql.Token;
import java.util.ArrayList;
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
    List<String> columns = new ArrayList<>();
    if (context.operation() instanceof CreateTable create) {
      create.columns().stream().filter(c -> isJson(c.type())).map(ColumnDefinition::name).forEach(columns::add);
    } else if (context.operation() instanceof AddColumn add && isJson(add.column().type())) {
      columns.add(add.column().name());
    } else if (context.operation() instanceof AlterColumnType alter && isJson(alter.type())) {
      columns.add(alter.column());
    }
    if (columns.isEmpty()) {
      return List.of();
    }
    String safe = withJsonb(context.statement().statement(), columns);
    return List.of(context.finding(this,
        "Column " + String.join(", ", columns) + " is json; use jsonb",
        "json stores the text as written and re-parses it on every access; it has no equality operator, so "
            + "SELECT DISTINCT, UNION and GROUP BY over rows holding it fail, and it cannot have a GIN index. "
            + "jsonb is parsed once, compares, and indexes.",
        safe == null ? null : safe + ";"));
  }

  private static boolean isJson(DataType type) {
    return type.name().equals("json");
  }

  /**
   * The statement with each {@code json} type word that follows one of the columns (or the
   * {@code TYPE} of {@code ALTER COLUMN … TYPE}) replaced by {@code jsonb}; {@code null} if none is found.
   */
  static String withJsonb(SqlStatement statement, List<String> columns) {
    List<Token> tokens = statement.tokens();
    String text = statement.text();
    int base = statement.span().start().offset();
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (int i = 1; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      Token previous = tokens.get(i - 1);
      boolean typeWord = previous.is("type") || previous.isName() && columns.contains(previous.identifier());
      if (t.is("json") && typeWord) {
        out.append(text, copied, t.offset() - base).append("jsonb");
        copied = t.endOffset() - base;
      }
    }
    return copied == 0 ? null : out.append(text.substring(copied)).toString();
  }
}
