package io.migrationsafety.execute;

import io.migrationsafety.Review;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.lock.LockEffect;
import io.migrationsafety.lock.LockModel;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.TransactionAction;
import io.migrationsafety.operation.TransactionControl;
import io.migrationsafety.parse.ParsedScript;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.rules.transaction.NonTransactionalInTransaction;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.replay.SchemaReplayer;
import io.migrationsafety.sql.SqlStatement;
import io.migrationsafety.sql.TokenType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the pending migrations into statements the executor can send, and refuses — before
 * anything runs — what it cannot run safely: psql meta-commands (only psql runs them), a script's
 * own BEGIN/COMMIT in a migration that runs in the executor's transaction (the executor owns it, so
 * that it can roll back and retry), a statement with a bound parameter ({@code $1}: a value only
 * the format's tool computes), and a statement PostgreSQL refuses inside a transaction. In a
 * migration that runs without the executor's transaction, BEGIN … COMMIT pairs mark the script's
 * own transaction blocks, which the executor runs as such.
 */
final class ExecutionPlan {

  /** What a script may not do itself: open or end the transaction the executor manages. */
  private static final Set<TransactionAction> OWN_TRANSACTION = Set.of(TransactionAction.BEGIN,
      TransactionAction.COMMIT, TransactionAction.ROLLBACK, TransactionAction.PREPARE,
      TransactionAction.COMMIT_PREPARED, TransactionAction.ROLLBACK_PREPARED);

  private ExecutionPlan() {}

  /**
   * Plans {@code set}'s pending migrations, replaying them on {@code schema} to know each statement's locks.
   *
   * @throws ExecutionRefusedException naming the file and line of the first statement it cannot run
   */
  static List<PlannedMigration> of(MigrationSet set, Review review, Schema schema, String defaultSchema,
      int postgresVersion) {
    List<PlannedMigration> plan = new ArrayList<>();
    Schema current = schema;
    for (Migration migration : set.pending()) {
      String file = relative(set.directory(), migration.file());
      ParsedScript script = SqlParser.parse(migration.upScript(), file);
      List<PlannedStatement> statements = new ArrayList<>();
      List<ParsedStatement> parsed = script.statements();
      // In a migration that runs without the executor's transaction, the script's own BEGIN … COMMIT
      // blocks (Alembic's autocommit_block() leaves the revision in two) run as transactions.
      int blocks = 0;
      int block = 0;
      int blockLine = 0;
      for (int i = 0; i < parsed.size(); i++) {
        ParsedStatement ps = parsed.get(i);
        SqlStatement st = ps.statement();
        String where = file + ":" + st.line();
        if (st.kind() == SqlStatement.Kind.PSQL_META_COMMAND) {
          throw new ExecutionRefusedException(where + ": the psql meta-command " + st.text().strip()
              + " can only be run by psql; the executor sends SQL only. Remove it, or run this migration with psql.",
              review);
        }
        if (st.kind() == SqlStatement.Kind.COPY_DATA) {
          continue; // sent with the COPY before it
        }
        st.tokens().stream().filter(t -> t.type() == TokenType.PARAMETER).findFirst().ifPresent(t -> {
          throw new ExecutionRefusedException(where + ": the statement binds " + t.text() + ", a value its migration "
              + "computes only when its own tool runs it (Alembic's Python, say), so the executor cannot send it. "
              + "Run this migration with that tool.", review);
        });
        String copyData = null;
        if (i + 1 < parsed.size() && parsed.get(i + 1).statement().kind() == SqlStatement.Kind.COPY_DATA) {
          copyData = withoutEndMarker(parsed.get(i + 1).statement().text());
        }
        List<LockEffect> locks = new ArrayList<>();
        boolean known = true;
        String refused = null;
        TransactionControl boundary = blockBoundary(ps, migration.transactional());
        if (boundary != null) {
          boolean begin = boundary.action() == TransactionAction.BEGIN;
          if (begin == (block > 0) || !boundary.options().isEmpty()) {
            throw new ExecutionRefusedException(where + ": " + (!boundary.options().isEmpty()
                ? "BEGIN " + boundary.options() + ": the executor runs a script's transaction blocks with the "
                    + "database's default transaction modes only"
                : begin ? "BEGIN inside the transaction block opened at line " + blockLine
                : "COMMIT without a BEGIN before it") + ". Fix the script's transaction blocks.", review);
          }
          block = begin ? ++blocks : 0;
          blockLine = st.line();
          continue;
        }
        for (Operation op : ps.operations()) {
          if (op instanceof TransactionControl tc && OWN_TRANSACTION.contains(tc.action())) {
            throw new ExecutionRefusedException(where + ": " + tc.action().name().replace('_', ' ')
                + " in the script: the executor opens and ends each migration's transaction itself, so that it "
                + "can roll back and retry. Remove it (a migration runs in one transaction unless it is marked "
                + "to run without one).", review);
          }
          known &= LockModel.known(op);
          if (LockModel.known(op)) {
            locks.addAll(LockModel.effects(op, current, defaultSchema, postgresVersion));
          }
          String what = NonTransactionalInTransaction.refusedInTransaction(op);
          if (what != null) {
            refused = what;
          }
          current = SchemaReplayer.apply(current, op, defaultSchema).after();
        }
        if (refused != null && migration.transactional()) {
          throw new ExecutionRefusedException(where + ": " + refused + " cannot run inside a transaction, and "
              + file + " runs in one. Give it a migration of its own that runs without a transaction (for plain "
              + "SQL: -- migration-safety:no-transaction before its first statement).", review);
        }
        if (refused != null && block > 0) {
          throw new ExecutionRefusedException(where + ": " + refused + " cannot run inside a transaction, and the "
              + "script opened one at line " + blockLine + ". Move it after that block's COMMIT.", review);
        }
        statements.add(new PlannedStatement(st.line(), st.text(), copyData, LockModel.merge(locks), known, refused,
            block));
      }
      if (block > 0) {
        throw new ExecutionRefusedException(file + ":" + blockLine + ": BEGIN without a COMMIT after it: the "
            + "executor does not leave a transaction open at the end of a script. Add the COMMIT.", review);
      }
      plan.add(new PlannedMigration(migration, file, statements));
    }
    return plan;
  }

  /**
   * The script's own BEGIN or COMMIT that opens or closes one of its transaction blocks, in a
   * migration that runs without the executor's transaction; else {@code null} (in a transactional
   * migration, BEGIN and COMMIT are refused as before).
   */
  private static TransactionControl blockBoundary(ParsedStatement ps, boolean transactional) {
    if (transactional || ps.operations().size() != 1
        || !(ps.operations().get(0) instanceof TransactionControl tc)) {
      return null;
    }
    return tc.action() == TransactionAction.BEGIN || tc.action() == TransactionAction.COMMIT ? tc : null;
  }

  /** COPY rows as the protocol takes them: psql's closing {@code \.} line is psql's, not data. */
  private static String withoutEndMarker(String data) {
    String text = data.replaceFirst("(?:\\r?\\n)?\\\\\\.$", "");
    return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
  }

  static String relative(Path directory, Path file) {
    Path rel = file.startsWith(directory) ? directory.relativize(file) : file;
    return rel.toString().replace('\\', '/');
  }
}
