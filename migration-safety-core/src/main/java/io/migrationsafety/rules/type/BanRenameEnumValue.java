package io.migrationsafety.rules.type;

import io.migrationsafety.format.Migration;
import io.migrationsafety.operation.AddEnumValue;
import io.migrationsafety.operation.CreateType;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.RenameEnumValue;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Table;
import io.migrationsafety.sql.SqlLiteral;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ALTER TYPE … RENAME VALUE} on an enum that existed before the migrations: the rename is
 * instant, but the application still running writes and compares the old label, and every such
 * write fails with "invalid input value for enum" until new code is deployed (SQL Commands:
 * ALTER TYPE, RENAME VALUE, PostgreSQL 10+).
 */
public final class BanRenameEnumValue implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("ban-rename-enum-value",
      "renaming an enum label that running code still writes", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof RenameEnumValue rename)) {
      return List.of();
    }
    QualifiedName type = context.resolve(rename.type());
    if (introducedInReview(context, type, rename.value())) {
      return List.of();
    }
    String oldLabel = SqlLiteral.of(rename.value());
    String newLabel = SqlLiteral.of(rename.newValue());
    StringBuilder safe = new StringBuilder()
        .append("ALTER TYPE ").append(rename.type().sql()).append(" ADD VALUE IF NOT EXISTS ").append(newLabel)
        .append(" AFTER ").append(oldLabel).append(";\n")
        .append("-- in a later migration, once the code reads both labels and writes ").append(newLabel)
        .append(" (in batches on large tables):\n");
    for (String[] use : uses(context, type)) {
      safe.append("UPDATE ").append(use[0]).append(" SET ").append(use[1]).append(" = ").append(newLabel)
          .append(" WHERE ").append(use[1]).append(" = ").append(oldLabel).append(";\n");
    }
    safe.append("-- ").append(oldLabel).append(" stays in the type unused: PostgreSQL cannot drop an enum label");
    return List.of(context.finding(this,
        "Renaming " + oldLabel + " of " + type + " to " + newLabel + " breaks running code that writes " + oldLabel,
        "The rename takes effect at once, but the application deployed now still sends " + oldLabel
            + ": its INSERTs and UPDATEs fail with \"invalid input value for enum\", and its comparisons silently "
            + "stop matching, until the new code is everywhere.",
        safe.toString()));
  }

  /** The columns of existing tables that have the type, as {@code {table, column}} in SQL. */
  private static List<String[]> uses(StatementContext context, QualifiedName type) {
    List<String[]> uses = new ArrayList<>();
    for (Table table : context.before().tables().values()) {
      for (Column column : table.columns()) {
        String name = column.type().name();
        String bare = name.substring(name.lastIndexOf('.') + 1);
        if (!column.type().isArray() && bare.equals(type.name())) {
          uses.add(new String[] {table.name().sql(), QualifiedName.quote(column.name())});
        }
      }
    }
    return uses;
  }

  /**
   * Whether the type, or the label, was created by the reviewed migrations before this statement:
   * then no deployed code can be using the label yet.
   */
  private static boolean introducedInReview(StatementContext context, QualifiedName type, String label) {
    for (Migration migration : context.set().pending()) {
      if (migration == context.migration().migration()) {
        return introducedIn(context.migration().script().statements(), context.statement(), context, type, label);
      }
      List<ParsedStatement> statements = SqlParser.parse(migration.upScript(), migration.file().toString())
          .statements();
      if (introducedIn(statements, null, context, type, label)) {
        return true;
      }
    }
    return false;
  }

  private static boolean introducedIn(List<ParsedStatement> statements, ParsedStatement stop, StatementContext context,
      QualifiedName type, String label) {
    for (ParsedStatement statement : statements) {
      if (statement == stop) {
        return false;
      }
      for (Operation op : statement.operations()) {
        if (op instanceof CreateType create && context.resolve(create.name()).equals(type)) {
          return true;
        }
        if (op instanceof AddEnumValue add && context.resolve(add.type()).equals(type) && add.value().equals(label)) {
          return true;
        }
      }
    }
    return false;
  }

}
