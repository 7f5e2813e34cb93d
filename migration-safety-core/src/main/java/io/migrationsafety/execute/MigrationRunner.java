package io.migrationsafety.execute;

import io.migrationsafety.format.AppliedRun;
import io.migrationsafety.format.HistoryWriter;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.lock.LockEffect;
import io.migrationsafety.lock.LockMode;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.policy.ExecutionSettings;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * Runs one planned migration on the executor's connection.
 *
 * <p>A transactional migration runs in one transaction with its history row: all of it commits, or
 * none. A lock timeout rolls the whole transaction back and, after the backoff, runs it again from
 * its first statement — retrying only the statement would keep the locks already taken held while
 * waiting, which is exactly what lock_timeout is there to prevent. A migration that runs without a
 * transaction sends each statement on its own; a lock timeout retries that statement, unless it left
 * something behind (an INVALID index), which a person must look at first. Its script's own
 * BEGIN … COMMIT blocks each run as one transaction, retried whole like a transactional migration.
 *
 * <p>A deadlock is retried the same way: PostgreSQL ends it by failing one of the waiting
 * transactions, and when that victim is the executor's, its transaction is rolled back exactly as after
 * a lock timeout, so running it again is as safe — the other session has its locks by then.
 */
final class MigrationRunner {

  /** PostgreSQL's SQLSTATE for lock_not_available, what lock_timeout raises. */
  static final String LOCK_NOT_AVAILABLE = "55P03";

  /** PostgreSQL's SQLSTATE for deadlock_detected, raised in the transaction it chose as the victim. */
  static final String DEADLOCK_DETECTED = "40P01";

  /** A lock taken in the open transaction: by the statement on {@code line}, started at {@code since} (nano time). */
  private record Taken(int line, LockMode mode, long since) {}

  /** What running a migration came to: its run, and the failure that stopped it, if any. */
  record Outcome(MigrationRun run, ExecutionFailure failure) {}

  private final Connection connection;
  private final ExecutionSettings settings;
  private final ExecutionListener listener;
  private final HistoryWriter history;
  private final MigrationSet set;
  private final String overrideReason;

  MigrationRunner(Connection connection, ExecutionSettings settings, ExecutionListener listener,
      HistoryWriter history, MigrationSet set, String overrideReason) {
    this.connection = connection;
    this.settings = settings;
    this.listener = listener;
    this.history = history;
    this.set = set;
    this.overrideReason = overrideReason;
  }

  Outcome run(PlannedMigration migration) throws SQLException {
    return migration.transactional() ? inTransaction(migration) : inSteps(migration);
  }

  /** What running statements in one transaction came to: on success, the locks it held until its commit. */
  private record Block(List<StatementRun> runs, List<LockHold> holds, int attempts, ExecutionFailure failure) {}

  /** Work done inside a transaction right before its commit (the history row). */
  private interface BeforeCommit {
    void run() throws SQLException;
  }

  private Outcome inTransaction(PlannedMigration migration) throws SQLException {
    long started = System.nanoTime();
    List<Retry> retries = new ArrayList<>();
    Block block = transaction(migration, migration.statements(), retries, true, List.of(),
        () -> history.recordApplied(connection, set, new AppliedRun(migration.migration(), migration.file(),
            since(started), overrideReason)));
    boolean applied = block.failure() == null;
    MigrationRun run = new MigrationRun(migration.migration().id(), migration.file(), true, applied, block.attempts(),
        since(started), block.runs(), retries, block.holds());
    if (applied) {
      listener.migrationApplied(run);
    }
    return new Outcome(run, block.failure());
  }

  /**
   * Runs {@code statements} in one transaction; a lock timeout or deadlock rolls it back and runs
   * them all again after the backoff.
   *
   * @param announce whether each attempt is the migration starting again (the whole migration is the transaction)
   * @param committedBefore lines of the migration committed before this transaction, for the failure
   * @param beforeCommit runs in the transaction after the statements; {@code null} for nothing
   * @throws SQLException when {@code beforeCommit} fails: not the migration's fault
   */
  private Block transaction(PlannedMigration migration, List<PlannedStatement> statements, List<Retry> retries,
      boolean announce, List<Integer> committedBefore, BeforeCommit beforeCommit) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      if (announce) {
        listener.migrationStarted(migration.file(), true, attempt);
      }
      List<StatementRun> runs = new ArrayList<>();
      Map<QualifiedName, Taken> taken = new LinkedHashMap<>();
      PlannedStatement current = null;
      connection.setAutoCommit(false);
      try {
        for (PlannedStatement statement : statements) {
          current = statement;
          long start = System.nanoTime();
          send(statement);
          StatementRun run = new StatementRun(migration.file(), statement.line(), statement.summary(),
              since(start), attempt, true, statement.locks());
          runs.add(run);
          listener.statementFinished(run);
          for (LockEffect lock : statement.locks()) {
            // Held from the first statement that locks the relation; a later one may only strengthen it.
            taken.merge(lock.relation(), new Taken(statement.line(), lock.mode(), start),
                (was, now) -> now.mode().compareTo(was.mode()) > 0 ? new Taken(was.line(), now.mode(), was.since()) : was);
          }
        }
        current = null;
        resetTimeouts();
        if (beforeCommit != null) {
          beforeCommit.run();
        }
        connection.commit();
        long committed = System.nanoTime();
        List<LockHold> holds = new ArrayList<>();
        taken.forEach((relation, t) -> holds.add(new LockHold(migration.file(), t.line(), relation, t.mode(),
            Duration.ofNanos(committed - t.since()))));
        return new Block(runs, holds, attempt, null);
      } catch (SQLException e) {
        connection.rollback();
        connection.setAutoCommit(true);
        PlannedStatement failed = current;
        if (failed != null && lockNotGot(e) && attempt <= settings.retries()) {
          retries.add(retry(migration.file(), failed.line(), attempt, e));
          continue;
        }
        if (failed == null) {
          throw e; // the history could not be written: not the migration's fault
        }
        return new Block(runs, List.of(), attempt, failure(e, migration.file(), failed, true, committedBefore,
            List.of()));
      } finally {
        if (!connection.getAutoCommit()) {
          connection.setAutoCommit(true);
        }
      }
    }
  }

  /**
   * A migration that runs without the executor's transaction: each statement on its own, except
   * the script's own BEGIN … COMMIT blocks, each run as one transaction.
   */
  private Outcome inSteps(PlannedMigration migration) throws SQLException {
    long started = System.nanoTime();
    connection.setAutoCommit(true);
    listener.migrationStarted(migration.file(), false, 1);
    List<Retry> retries = new ArrayList<>();
    List<StatementRun> runs = new ArrayList<>();
    List<LockHold> holds = new ArrayList<>();
    List<Integer> committed = new ArrayList<>();
    int attempts = 1;
    List<PlannedStatement> statements = migration.statements();
    for (int i = 0; i < statements.size(); ) {
      PlannedStatement statement = statements.get(i);
      if (statement.block() > 0) {
        int end = i;
        while (end < statements.size() && statements.get(end).block() == statement.block()) {
          end++;
        }
        List<PlannedStatement> group = statements.subList(i, end);
        Block block = transaction(migration, group, retries, false, List.copyOf(committed), null);
        runs.addAll(block.runs());
        attempts += block.attempts() - 1;
        if (block.failure() != null) {
          return stopped(migration, started, block.failure(), committed, runs, retries, holds, attempts);
        }
        holds.addAll(block.holds());
        group.forEach(s -> committed.add(s.line()));
        i = end;
        continue;
      }
      for (int attempt = 1; ; attempt++) {
        Leftovers before = statement.refusedInTransaction() != null ? Leftovers.snapshot(connection) : null;
        long start = System.nanoTime();
        try {
          if (statement.refusedInTransaction() != null) {
            refuseWhileToolWaits(statement);
          }
          send(statement);
        } catch (SQLException e) {
          List<Leftover> left = before == null ? List.of() : Leftovers.since(connection, before);
          if (lockNotGot(e) && left.isEmpty() && attempt <= settings.retries()) {
            retries.add(retry(migration.file(), statement.line(), attempt, e));
            attempts++;
            continue;
          }
          return stopped(migration, started, failure(e, migration.file(), statement, false, committed, left),
              committed, runs, retries, holds, attempts);
        }
        Duration elapsed = since(start);
        StatementRun run = new StatementRun(migration.file(), statement.line(), statement.summary(), elapsed,
            attempt, false, statement.locks());
        runs.add(run);
        committed.add(statement.line());
        listener.statementFinished(run);
        for (LockEffect lock : statement.locks()) {
          holds.add(new LockHold(migration.file(), statement.line(), lock.relation(), lock.mode(), elapsed));
        }
        break;
      }
      i++;
    }
    resetTimeouts();
    history.recordApplied(connection, set, new AppliedRun(migration.migration(), migration.file(), since(started),
        overrideReason));
    MigrationRun done = new MigrationRun(migration.migration().id(), migration.file(), false, true, attempts,
        since(started), runs, retries, holds);
    listener.migrationApplied(done);
    return new Outcome(done, null);
  }

  /**
   * A migration without the executor's transaction stopped at {@code failure}: when some of it was
   * committed, or left behind, the history says so, and the next review blocks until a person has
   * looked.
   */
  private Outcome stopped(PlannedMigration migration, long started, ExecutionFailure failure, List<Integer> committed,
      List<StatementRun> runs, List<Retry> retries, List<LockHold> holds, int attempts) throws SQLException {
    resetTimeouts();
    if (!committed.isEmpty() || !failure.leftovers().isEmpty()) {
      history.recordFailed(connection, set, new AppliedRun(migration.migration(), migration.file(),
          since(started), overrideReason, failure.location() + " [" + failure.sqlState() + "] "
          + failure.message()));
    }
    return new Outcome(new MigrationRun(migration.migration().id(), migration.file(), false, false, attempts,
        since(started), runs, retries, holds), failure);
  }

  /**
   * A statement PostgreSQL refuses in a transaction ({@code CREATE INDEX CONCURRENTLY} …) waits
   * for every older snapshot, including that of a session blocked in {@code pg_advisory_lock} on
   * the format tool's key, which this execution holds: the two would wait for each other until
   * PostgreSQL breaks the deadlock by failing one of them — the tool's wait, or the statement,
   * leaving an INVALID index (both seen on PostgreSQL 15 and 16). So while a
   * session waits for that key, the statement is not sent; this fails as a lock timeout does, and
   * is retried after the backoff (the tool gives up waiting: Prisma after 10 seconds).
   */
  private void refuseWhileToolWaits(PlannedStatement statement) throws SQLException {
    java.util.OptionalLong key = history.advisoryLockKey();
    if (key.isEmpty()) {
      return;
    }
    long k = key.getAsLong();
    try (Statement st = connection.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
            + "AND NOT granted AND objsubid = 1 AND classid = " + (k >>> 32) + " AND objid = " + (k & 0xffffffffL)
            + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
      rs.next();
      if (rs.getLong(1) > 0) {
        throw new SQLException("a session is waiting for the advisory lock " + k + " of the migration tool, which this "
            + "execution holds; " + statement.refusedInTransaction() + " would wait for that session and deadlock "
            + "with it, so it was not sent", LOCK_NOT_AVAILABLE);
      }
    }
  }

  /** Sets the timeouts when the statement takes a lock, then sends it (with its COPY rows, if any). */
  private void send(PlannedStatement statement) throws SQLException {
    try (Statement st = connection.createStatement()) {
      // Send the text exactly as psql would: no JDBC {fn …} or {d …} escape rewriting.
      st.setEscapeProcessing(false);
      if (statement.takesLock()) {
        st.execute("SET lock_timeout = " + ExecutionSettings.settingValue(settings.lockTimeout()));
        st.execute("SET statement_timeout = " + ExecutionSettings.settingValue(settings.statementTimeout()));
      }
      if (statement.copyData() != null) {
        try {
          connection.unwrap(PGConnection.class).getCopyAPI().copyIn(statement.sql(),
              new StringReader(statement.copyData()));
        } catch (java.io.IOException e) {
          throw new SQLException("cannot send the COPY rows: " + e.getMessage(), e);
        }
      } else {
        st.execute(statement.sql());
      }
    }
  }

  private void resetTimeouts() throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("RESET lock_timeout");
      st.execute("RESET statement_timeout");
    }
  }

  private Retry retry(String file, int line, int attempt, SQLException e) {
    Duration wait = settings.backoffBefore(attempt);
    Retry retry = new Retry(file, line, attempt, wait, ServerErrors.message(e));
    listener.retrying(retry);
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry " + file + ":" + line, interrupted);
    }
    return retry;
  }

  /**
   * Whether the statement failed only because it did not get a lock: a lock timeout, or a deadlock
   * whose victim it was. Both leave the statement (and its transaction) rolled back, so it may run
   * again. A statement timeout is not among them: the statement ran that long, and would again.
   */
  private static boolean lockNotGot(SQLException e) {
    return LOCK_NOT_AVAILABLE.equals(e.getSQLState()) || DEADLOCK_DETECTED.equals(e.getSQLState());
  }

  private static ExecutionFailure failure(SQLException e, String file, PlannedStatement statement,
      boolean rolledBack, List<Integer> committed, List<Leftover> leftovers) {
    ExecutionFailure.Kind kind = LOCK_NOT_AVAILABLE.equals(e.getSQLState()) ? ExecutionFailure.Kind.LOCK_TIMEOUT
        : DEADLOCK_DETECTED.equals(e.getSQLState()) ? ExecutionFailure.Kind.DEADLOCK
        : ExecutionFailure.Kind.STATEMENT_FAILED;
    return new ExecutionFailure(kind, file, statement.line(), statement.sql(),
        e.getSQLState() == null ? "" : e.getSQLState(), ServerErrors.message(e), rolledBack, committed, leftovers);
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
