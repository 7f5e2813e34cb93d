package io.migrationsafety.rules.transaction;

import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.TransactionAction;
import io.migrationsafety.operation.TransactionControl;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.MigrationSetContext;
import io.migrationsafety.rule.MigrationSetRule;
import io.migrationsafety.rule.ParsedMigration;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A script that opens a transaction with BEGIN and never ends it: what it did is committed or
 * rolled back by whatever runs next, and its locks stay held until then.
 */
public final class UncommittedTransaction implements MigrationSetRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("uncommitted-transaction",
      "BEGIN without COMMIT or ROLLBACK by the end of the script", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(MigrationSetContext context) {
    List<Finding> findings = new ArrayList<>();
    for (ParsedMigration m : context.migrations()) {
      ParsedStatement open = null;
      for (ParsedStatement s : m.script().statements()) {
        for (Operation op : s.operations()) {
          if (op instanceof TransactionControl tc) {
            if (tc.action() == TransactionAction.BEGIN) {
              open = s;
            } else if (tc.action() == TransactionAction.COMMIT || tc.action() == TransactionAction.ROLLBACK
                || tc.action() == TransactionAction.PREPARE) {
              open = null;
            }
          }
        }
      }
      if (open != null) {
        findings.add(context.finding(this, m.script().file(), open.statement().line(),
            "This BEGIN is never committed or rolled back in " + m.script().file(),
            "The transaction stays open after the script: its locks are held and its changes are neither kept "
                + "nor undone until whatever runs next on the connection decides.",
            "COMMIT;"));
      }
    }
    return findings;
  }
}
