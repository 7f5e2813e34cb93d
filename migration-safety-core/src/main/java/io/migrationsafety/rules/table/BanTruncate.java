package io.migrationsafety.rules.table;

import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Truncate;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import io.migrationsafety.rules.Backfill;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code TRUNCATE} of an existing table in a migration: all its rows are gone (with {@code
 * CASCADE}, those of every table referencing it too), under ACCESS EXCLUSIVE.
 */
public final class BanTruncate implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("ban-truncate",
      "TRUNCATE empties an existing table (CASCADE: the tables referencing it too)", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof Truncate truncate)) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (QualifiedName name : truncate.tables()) {
      QualifiedName table = context.resolve(name);
      if (context.isNewTable(table)) {
        continue;
      }
      findings.add(context.finding(this,
          "TRUNCATE deletes every row of " + table + (truncate.cascade() ? " and of every table referencing it" : ""),
          "The rows cannot be brought back by a rollback once the migration commits, and TRUNCATE waits for "
              + "ACCESS EXCLUSIVE behind every running query on the table.",
          "-- if the rows must go, delete them in batches: row locks only, readers and writers go on\n"
              + (truncate.cascade() ? "-- (delete the referencing rows first, table by table, the same way)\n" : "")
              + Backfill.untilDone("DELETE FROM " + name.sql() + " WHERE " + Backfill.ctidBatch(name.sql(), null))));
    }
    return findings;
  }
}
