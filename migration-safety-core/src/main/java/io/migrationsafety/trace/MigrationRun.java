package io.migrationsafety.trace;

import io.migrationsafety.format.Migration;
import io.migrationsafety.lock.LockEffect;
import io.migrationsafety.lock.LockModel;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.TransactionControl;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rules.transaction.NonTransactionalInTransaction;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.replay.SchemaReplayer;
import io.migrationsafety.schema.replay.SearchPath;
import io.migrationsafety.sql.SqlStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Traces the migrations of one set in order on one session, keeping the schema model in step for
 * the lock model's predictions. On the embedded server a traced migration is then applied for real,
 * so that the next one starts where it would in production; once a migration fails there, the
 * migrations after it are not traced.
 */
final class MigrationRun {

  /** Turns a statement's observation and prediction into a disagreement finding, or none. */
  interface Judge {
    Optional<Finding> judge(ObservedStatement statement, String file, int column, int postgresVersion);
  }

  private final TraceSession session;
  private final Judge judge;
  private Schema schema;
  /** Where the migration's unqualified names resolve: {@code public} until it sets its search_path. */
  private String defaultSchema = SearchPath.DEFAULT;
  private String stopped;

  MigrationRun(TraceSession session, Schema start, Judge judge) {
    this.session = session;
    this.schema = start;
    this.judge = judge;
  }

  /**
   * Traces {@code migration}. On a scratch database all migrations share {@code shared}, one
   * transaction rolled back at the end; on the embedded server it is null.
   */
  MigrationTrace trace(Migration migration, String file, ObservingTransaction shared) throws SQLException {
    List<ParsedStatement> statements = SqlParser.parse(migration.upScript(), file).statements().stream()
        .filter(s -> s.statement().kind() != SqlStatement.Kind.COPY_DATA).toList();
    List<StatementTrace> traces = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    defaultSchema = SearchPath.DEFAULT;
    boolean ownTransaction = shared == null && migration.transactional() && statements.stream()
        .noneMatch(MigrationRun::refusedInTransaction);
    if (shared == null) {
      session.resetSettings();
    }
    ObservingTransaction transaction = ownTransaction ? session.begin() : shared;
    try {
      for (ParsedStatement statement : statements) {
        StatementTrace trace = traceOne(statement, transaction);
        List<LockEffect> predicted = new ArrayList<>();
        boolean known = true;
        for (Operation operation : statement.operations()) {
          known &= LockModel.known(operation);
          defaultSchema = SearchPath.after(defaultSchema, operation);
          // The schema is the traced database's own (built there, or read from it): complete.
          predicted.addAll(LockModel.effects(operation, schema, defaultSchema, session.postgresVersion(), true));
          schema = SchemaReplayer.apply(schema, operation, defaultSchema).after();
        }
        if (trace instanceof ObservedStatement observed) {
          observed = observed.withPrediction(LockModel.merge(predicted), known);
          judge.judge(observed, file, statement.statement().column(), session.postgresVersion())
              .ifPresent(findings::add);
          if (observed.failed() && stopped == null) {
            stopped = file + " failed on the server at line " + observed.line() + " (" + observed.error() + ")";
          }
          trace = observed;
        }
        traces.add(trace);
      }
    } finally {
      if (ownTransaction) {
        transaction.close();
      }
    }
    if (ownTransaction && stopped == null) {
      apply(migration, file, statements);
    }
    return new MigrationTrace(file, migration.id(), traces, findings);
  }

  private StatementTrace traceOne(ParsedStatement statement, ObservingTransaction transaction) throws SQLException {
    SqlStatement sql = statement.statement();
    Optional<String> reason = untraceable(statement);
    if (reason.isPresent()) {
      return new UntracedStatement(sql.line(), sql.text(), reason.get());
    }
    if (transaction != null && refusedInTransaction(statement)) {
      // Only on a scratch database: the embedded server runs such a migration statement by statement.
      return new UntracedStatement(sql.line(), sql.text(), "it cannot run in a transaction block, and on a "
          + "scratch database the tracer runs statements only in transactions it rolls back; the embedded "
          + "target observes it");
    }
    if (stopped != null) {
      return new UntracedStatement(sql.line(), sql.text(), "not run: " + stopped);
    }
    if (transaction != null) {
      if (transaction.aborted()) {
        return new UntracedStatement(sql.line(), sql.text(), "not run: an earlier statement failed");
      }
      return transaction.run(sql.line(), sql.text());
    }
    // A migration that runs outside a transaction, on the embedded server: each statement on its own.
    if (refusedInTransaction(statement)) {
      return session.observeOutsideTransaction(sql.line(), sql.text(), writers(statement));
    }
    ObservedStatement observed = session.observe(sql.text()).at(sql.line());
    if (!observed.failed()) {
      try {
        session.apply(sql.text());
      } catch (TraceException e) {
        stopped = "line " + sql.line() + " traced, then failed when applied (" + e.getMessage() + ")";
      }
    }
    return observed;
  }

  /** Applies a traced migration for real on the embedded server, in one transaction as it would run. */
  private void apply(Migration migration, String file, List<ParsedStatement> statements) {
    StringBuilder script = new StringBuilder("BEGIN;\n");
    for (ParsedStatement statement : statements) {
      if (untraceable(statement).isEmpty()) {
        script.append(statement.statement().text()).append(";\n");
      }
    }
    script.append("COMMIT;");
    try {
      session.apply(script.toString());
    } catch (TraceException e) {
      session.apply("ROLLBACK");
      stopped = file + " failed on the server (" + e.getMessage() + ")";
    }
  }

  /** The existing tables a statement outside a transaction works on, for a stand-in writer to hold. */
  private List<QualifiedName> writers(ParsedStatement statement) {
    List<QualifiedName> tables = new ArrayList<>();
    for (Operation operation : statement.operations()) {
      for (LockEffect effect : LockModel.effects(operation, schema, defaultSchema, session.postgresVersion(), true)) {
        if (schema.table(effect.relation()).isPresent() && !tables.contains(effect.relation())) {
          tables.add(effect.relation());
        }
      }
    }
    return tables;
  }

  private static boolean refusedInTransaction(ParsedStatement statement) {
    return statement.operations().stream().anyMatch(o -> NonTransactionalInTransaction.refusedInTransaction(o) != null);
  }

  /** Why a statement is not sent to the server at all, if it is not. */
  private static Optional<String> untraceable(ParsedStatement statement) {
    SqlStatement sql = statement.statement();
    if (sql.kind() == SqlStatement.Kind.PSQL_META_COMMAND) {
      return Optional.of("a psql meta-command, not SQL the server runs");
    }
    if (statement.operations().stream().anyMatch(o -> o instanceof TransactionControl)) {
      return Optional.of("transaction control: the tracer runs each migration in a transaction of its own");
    }
    String text = sql.text().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (text.startsWith("COPY ") && text.contains(" FROM STDIN")) {
      return Optional.of("COPY … FROM stdin needs psql's data stream");
    }
    return Optional.empty();
  }
}
