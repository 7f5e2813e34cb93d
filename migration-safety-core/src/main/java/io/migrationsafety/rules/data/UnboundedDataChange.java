package io.migrationsafety.rules.data;

import io.migrationsafety.operation.DataChange;
import io.migrationsafety.operation.DmlKind;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.WhereShape;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import io.migrationsafety.rules.StatementText;
import io.migrationsafety.sql.SqlStatement;
import java.util.List;

/**
 * {@code UPDATE} or {@code DELETE} of every row of a large existing table in one statement: it
 * locks every row it touches until the migration commits, holds the transaction open for as long
 * as it takes, and leaves as many dead rows behind.
 */
public final class UnboundedDataChange implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("unbounded-data-change",
      "UPDATE or DELETE of every row of an existing table in one statement", Severity.BLOCKED);

  private static final int BATCH = 10_000;

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof DataChange change)
        || (change.dmlKind() != DmlKind.UPDATE && change.dmlKind() != DmlKind.DELETE)) {
      return List.of();
    }
    boolean everyRow = change.where() == null || change.where().shape() == WhereShape.ALWAYS_TRUE;
    QualifiedName table = context.resolve(change.table());
    if (!everyRow || !context.isLarge(table)) {
      return List.of();
    }
    String verb = change.dmlKind() == DmlKind.UPDATE ? "UPDATE" : "DELETE";
    return List.of(context.finding(this,
        verb + " without a limiting WHERE changes every row of " + table + " in one transaction",
        "Every changed row stays locked until the migration commits, so the application's writes to those rows "
            + "wait; the long transaction holds back vacuum, leaves a dead copy of every row, and floods "
            + "replication.",
        batched(change, context.statement().statement())));
  }

  /** The same change in batches of rows picked by ctid, each batch its own transaction. */
  private static String batched(DataChange change, SqlStatement statement) {
    String t = change.table().sql();
    String repeat = "-- run in its own transaction, again and again, until it changes no row:\n";
    if (change.dmlKind() == DmlKind.DELETE) {
      return repeat + "DELETE FROM " + t + " WHERE ctid = ANY (ARRAY(SELECT ctid FROM " + t + " LIMIT " + BATCH + "));";
    }
    String set = StatementText.between(statement, tok -> tok.is("set"),
        tok -> tok.is("where") || tok.is("from") || tok.is("returning"));
    if (set == null || change.columns().size() != 1) {
      return null;
    }
    String assignment = set.substring(3).strip();
    int eq = assignment.indexOf('=');
    if (eq < 0) {
      return null;
    }
    String column = assignment.substring(0, eq).strip();
    String value = assignment.substring(eq + 1).strip();
    return repeat + "UPDATE " + t + " " + set + " WHERE ctid = ANY (ARRAY(SELECT ctid FROM " + t + " WHERE "
        + column + " IS DISTINCT FROM (" + value + ") LIMIT " + BATCH + "));";
  }
}
