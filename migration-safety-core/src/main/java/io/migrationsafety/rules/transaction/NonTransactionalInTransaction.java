package io.migrationsafety.rules.transaction;

import io.migrationsafety.operation.CreateIndex;
import io.migrationsafety.operation.DetachPartition;
import io.migrationsafety.operation.Drop;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.Reindex;
import io.migrationsafety.operation.Vacuum;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import java.util.List;

/**
 * A statement PostgreSQL refuses inside a transaction block ({@code CREATE/DROP INDEX
 * CONCURRENTLY}, {@code REINDEX … CONCURRENTLY}, {@code DETACH PARTITION … CONCURRENTLY},
 * {@code VACUUM}) in a migration that runs in one: it fails with "cannot run inside a transaction
 * block" — or, where a tool runs it anyway, the migration's other statements lose their atomicity.
 */
public final class NonTransactionalInTransaction implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("non-transactional-in-transaction",
      "A statement that cannot run in a transaction, in a migration that runs in one", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    String what = refusedInTransaction(context.operation());
    if (what == null || !context.transaction().inTransaction()) {
      return List.of();
    }
    return List.of(context.finding(this,
        what + " cannot run inside a transaction block, and this migration runs in one",
        "PostgreSQL stops it with \"cannot run inside a transaction block\", so the migration fails. Give the "
            + "statement a migration of its own that runs outside a transaction (for plain SQL: "
            + "-- migration-safety:no-transaction before its first statement).",
        outside(context)));
  }

  /**
   * The statement outside any transaction: after a COMMIT of the script's own BEGIN, or in a
   * migration of its own that its tool runs without a transaction (how is the format's business:
   * the plain-SQL opt-out comment, Flyway's script configuration, dbmate's transaction:false …).
   */
  private static String outside(StatementContext context) {
    String statement = context.statement().statement().text() + ";";
    if (context.transaction().explicit() && !context.migration().migration().transactional()) {
      return "COMMIT;\n" + statement + "\nBEGIN;";
    }
    return "-- in a migration of its own that runs outside a transaction; for plain SQL, start it with:\n"
        + "-- migration-safety:no-transaction\n" + statement;
  }

  /**
   * What the operation is, when PostgreSQL refuses it in a transaction block; else null. The
   * staging executor and the production script use it too, to run such statements outside one.
   */
  public static String refusedInTransaction(Operation operation) {
    if (operation instanceof CreateIndex i && i.concurrently()) {
      return "CREATE INDEX CONCURRENTLY";
    }
    if (operation instanceof Drop d && d.concurrently()) {
      return "DROP INDEX CONCURRENTLY";
    }
    if (operation instanceof Reindex r && r.concurrently()) {
      return "REINDEX CONCURRENTLY";
    }
    if (operation instanceof DetachPartition d && d.concurrently()) {
      return "DETACH PARTITION CONCURRENTLY";
    }
    if (operation instanceof Vacuum v && !v.analyzeOnly()) {
      return "VACUUM";
    }
    return null;
  }
}
