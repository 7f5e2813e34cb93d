package io.migrationsafety.execute;

import io.migrationsafety.Review;
import io.migrationsafety.Reviewer;
import io.migrationsafety.Verdict;
import io.migrationsafety.database.DatabaseUnavailableException;
import io.migrationsafety.database.IntrospectedSchema;
import io.migrationsafety.database.LiveDataProber;
import io.migrationsafety.database.SchemaIntrospector;
import io.migrationsafety.format.AppliedStateReader;
import io.migrationsafety.format.HistoryWriter;
import io.migrationsafety.format.MigrationFormat;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.probe.DataProber;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Applies the pending migrations of a directory to a staging database — the second of the three
 * gates (review, staging, a person approving production).
 *
 * <pre>{@code
 * ExecutionResult result = MigrationSafety.builder()
 *     .policy(Path.of("migration-safety.yml"))
 *     .build()
 *     .executor(StagingTarget.of("postgres://deploy:secret@staging-db/app"))
 *     .listener(progress)                       // optional: statement-by-statement progress
 *     .execute(Path.of("db/migration"));
 * }</pre>
 *
 * <p>What it does, in order: takes its advisory lock on staging, and the one the format's tool
 * takes while it migrates ({@link HistoryWriter#advisoryLockKey()}), stopping when either is held;
 * reads the format's history on staging (applied migrations are never run again) and the staging
 * schema; reviews the pending migrations on that schema and refuses a BLOCKED verdict unless
 * {@link #overrideBlocked(String) overridden with a reason}; checks every script for what it cannot
 * run; then runs each migration as {@link MigrationRunner} describes, recording it in the format's
 * history, and stops at the first failure; releases the locks. Immutable and thread-safe; each
 * {@link #execute} uses one connection of its own.
 */
public final class StagingExecutor {

  /** The key of the session advisory lock an execution holds: "migsaf" in ASCII. */
  static final long ADVISORY_LOCK_KEY = 0x6d6967736166L;

  private final Reviewer reviewer;
  private final StagingTarget target;
  private final ExecutionListener listener;
  private final String overrideReason;

  /** An executor for {@code target} with {@code reviewer}'s rules and policy; {@link Reviewer#executor} says the same. */
  public StagingExecutor(Reviewer reviewer, StagingTarget target) {
    this(Objects.requireNonNull(reviewer, "reviewer"), Objects.requireNonNull(target, "target"),
        ExecutionListener.NONE, null);
  }

  private StagingExecutor(Reviewer reviewer, StagingTarget target, ExecutionListener listener, String overrideReason) {
    this.reviewer = reviewer;
    this.target = target;
    this.listener = listener;
    this.overrideReason = overrideReason;
  }

  /** This executor, telling {@code listener} its progress. */
  public StagingExecutor listener(ExecutionListener listener) {
    return new StagingExecutor(reviewer, target, Objects.requireNonNull(listener, "listener"), overrideReason);
  }

  /**
   * This executor, running the migrations even when their review blocks, for the reason given; the
   * reason is kept in the history of every migration it runs and in the result.
   *
   * @throws IllegalArgumentException when the reason is blank
   */
  public StagingExecutor overrideBlocked(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("overriding a blocked review needs a reason, kept in the history");
    }
    return new StagingExecutor(reviewer, target, listener, reason.strip());
  }

  /** The staging database it runs on. */
  public StagingTarget target() {
    return target;
  }

  /**
   * Reviews and applies the pending migrations of {@code directory} to the staging database.
   *
   * @return what ran, and why it stopped when it did (a failed statement, a lock it never got)
   * @throws ExecutionRefusedException before anything runs, when the review blocks and no override
   *     was given, the format keeps no history this library can write, or a script holds what the
   *     executor cannot run
   * @throws DatabaseUnavailableException when staging cannot be reached, or the history cannot be
   *     read or written
   * @throws io.migrationsafety.format.MigrationFormatException when the directory cannot be read as migrations
   */
  public ExecutionResult execute(Path directory) {
    MigrationFormat format = reviewer.format(directory);
    HistoryWriter writer = format.historyWriter().orElseThrow(() -> new ExecutionRefusedException(
        "the " + format.name() + " format has no history this library can write, so the executor could not "
            + "promise never to apply a migration twice; it runs only formats that have one", null));
    AppliedStateReader reader = format.history().orElseThrow(() -> new ExecutionRefusedException(
        "the " + format.name() + " format writes a history but cannot read it back", null));
    MigrationSet read = format.read(directory);
    try (Connection connection = target.connect()) {
      connection.setAutoCommit(true);
      lockOutOtherExecutions(connection);
      try {
        OptionalLong toolLock = writer.advisoryLockKey();
        if (toolLock.isEmpty()) {
          return executeLocked(connection, read, writer, reader);
        }
        lockOutTool(connection, format, toolLock.getAsLong());
        try {
          return executeLocked(connection, read, writer, reader);
        } finally {
          releaseLock(connection, toolLock.getAsLong());
        }
      } finally {
        releaseLock(connection, ADVISORY_LOCK_KEY);
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("executing on " + target.description() + " failed: "
          + ServerErrors.message(e), e);
    }
  }

  private ExecutionResult executeLocked(Connection connection, MigrationSet read, HistoryWriter writer,
      AppliedStateReader reader) throws SQLException {
    MigrationSet set = read.withApplied(reader.read(connection, read));
    IntrospectedSchema live = SchemaIntrospector.introspect(connection);
    // The probes only read, each in a read-only transaction of its own, although staging's role can write.
    DataProber prober = LiveDataProber.ifEnabled(target.database(), live.schema(), reviewer.policy().dataProbes(), true);
    Review review = reviewer.review(set, live.schema(), prober);
    boolean blocked = review.verdict() == Verdict.BLOCKED;
    if (blocked && overrideReason == null) {
      throw new ExecutionRefusedException("the review of the pending migrations on " + target.description()
          + " is BLOCKED; nothing ran. Fix the blocking findings, or override with a reason.", review);
    }
    String usedOverride = blocked ? overrideReason : null;
    List<PlannedMigration> plan = ExecutionPlan.of(set, review, live.schema(), currentSchema(connection),
        reviewer.policy().postgresVersion());
    writer.prepare(connection);
    MigrationRunner runner = new MigrationRunner(connection, reviewer.policy().execution(), listener, writer, set,
        usedOverride);
    List<MigrationRun> runs = new ArrayList<>();
    ExecutionFailure failure = null;
    for (PlannedMigration migration : plan) {
      MigrationRunner.Outcome outcome = runner.run(migration);
      runs.add(outcome.run());
      if (outcome.failure() != null) {
        failure = outcome.failure();
        listener.failed(failure);
        break;
      }
    }
    List<String> applied = set.migrations().stream().map(m -> m.id()).filter(set.applied()::isApplied).toList();
    return new ExecutionResult(target.description(), review, usedOverride, applied, runs, failure);
  }

  /**
   * Releases an advisory lock now rather than when the server notices the connection closed: the
   * server ends a closed session asynchronously, and an execution (or the format's tool) started
   * right after this one would otherwise find the lock still held.
   */
  private static void releaseLock(Connection connection, long key) {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
      try (Statement st = connection.createStatement()) {
        st.execute("SELECT pg_advisory_unlock(" + key + ")");
      }
    } catch (SQLException e) {
      // A broken connection: the server releases the lock when it ends the session.
    }
  }

  /**
   * Takes the lock the format's tool holds while it migrates, so that the tool started meanwhile
   * waits for this execution; when the tool holds it now, stops at once as for another execution.
   */
  private void lockOutTool(Connection connection, MigrationFormat format, long key) throws SQLException {
    tryLock(connection, key, "the " + format.name() + " tool is migrating " + target.description()
        + " (a session holds its advisory lock " + key + ")");
  }

  /**
   * Two executions at once could both find a migration pending and both run it: the first takes a
   * session advisory lock (released when its connection closes), and a second one stops at once.
   */
  private void lockOutOtherExecutions(Connection connection) throws SQLException {
    tryLock(connection, ADVISORY_LOCK_KEY, "another migration-safety execution is running on " + target.description()
        + " (it holds the advisory lock " + ADVISORY_LOCK_KEY + ")");
  }

  /** Takes the session advisory lock {@code key}, or stops, saying {@code whoHoldsIt}, when another session has it. */
  private static void tryLock(Connection connection, long key, String whoHoldsIt) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT pg_try_advisory_lock(" + key + ")")) {
      rs.next();
      if (!rs.getBoolean(1)) {
        throw new DatabaseUnavailableException(whoHoldsIt + "; nothing ran. Wait for it to finish, then run again.",
            null);
      }
    }
  }

  private static String currentSchema(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT current_schema()")) {
      rs.next();
      String schema = rs.getString(1);
      return schema == null ? "public" : schema;
    }
  }
}
