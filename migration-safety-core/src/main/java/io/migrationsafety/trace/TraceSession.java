package io.migrationsafety.trace;

import io.migrationsafety.database.DatabaseTarget;
import io.migrationsafety.lock.LockMode;
import io.migrationsafety.operation.QualifiedName;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A connection to a trace target on which statements are run and observed. On the embedded target
 * it may also build schema ({@link #apply}) and run statements that cannot run in a transaction
 * block ({@link #observeOutsideTransaction}); on a scratch database it only ever rolls back.
 * Closing it stops and deletes an embedded server (a shutdown hook does the same on Ctrl-C).
 * Not thread-safe.
 */
public final class TraceSession implements AutoCloseable {

  private static final long POLL_MILLIS = 5;
  private static final long SAMPLED_STATEMENT_TIMEOUT_SECONDS = 300;

  private final TraceTarget target;
  private final EmbeddedServer server;
  private final Connection connection;
  private final Connection sampler;
  private final int pid;
  private final int postgresVersion;

  private TraceSession(TraceTarget target, EmbeddedServer server, Connection connection, Connection sampler)
      throws SQLException {
    this.target = target;
    this.server = server;
    this.connection = connection;
    this.sampler = sampler;
    this.pid = Catalog.backendPid(connection);
    this.postgresVersion = Catalog.majorVersion(connection);
  }

  /**
   * Starts the embedded server, or connects to the scratch database.
   *
   * @throws TraceException when the server cannot be started or reached
   */
  public static TraceSession open(TraceTarget target) {
    EmbeddedServer server = null;
    Connection connection = null;
    try {
      if (target instanceof TraceTarget.Embedded embedded) {
        server = EmbeddedServer.start(embedded.postgresVersion());
        connection = server.dataSource().getConnection();
        return new TraceSession(target, server, connection, server.dataSource().getConnection());
      }
      DatabaseTarget scratch = DatabaseTarget.of(((TraceTarget.Scratch) target).url());
      connection = scratch.connect();
      return new TraceSession(target, null, connection, scratch.connect());
    } catch (IOException | SQLException | RuntimeException e) {
      closeQuietly(connection);
      closeQuietly(server);
      if (e instanceof TraceException || e instanceof io.migrationsafety.database.DatabaseUnavailableException) {
        throw (RuntimeException) e;
      }
      throw new TraceException("cannot start tracing on " + target.description() + ": " + e.getMessage(), e);
    }
  }

  /** The server's major version. */
  public int postgresVersion() {
    return postgresVersion;
  }

  /** Where this session traces. */
  public TraceTarget target() {
    return target;
  }

  /** Whether the server was started for this session and may be committed to. */
  public boolean ephemeral() {
    return server != null;
  }

  /**
   * Runs {@code sql} and commits it: only on the embedded server, to build the schema a traced
   * statement starts from.
   *
   * @throws TraceException on a scratch database, or when the statement fails
   */
  public void apply(String sql) {
    requireEphemeral("commit");
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new TraceException(e.getMessage(), e);
    }
  }

  /**
   * Resets the session's settings ({@code RESET ALL}): a migration must not inherit the
   * {@code SET}s of the one before it, which its tool would run on a connection of its own.
   */
  void resetSettings() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("RESET ALL");
    }
  }

  /** Runs {@code sql} in a transaction of its own, observes it and rolls back. */
  public ObservedStatement observe(String sql) {
    try (ObservingTransaction transaction = begin()) {
      return transaction.run(1, sql);
    } catch (SQLException e) {
      throw new TraceException("tracing failed on " + target.description() + ": " + e.getMessage(), e);
    }
  }

  /** A transaction to observe several statements in, rolled back when closed. */
  ObservingTransaction begin() throws SQLException {
    return new ObservingTransaction(connection, sampler, pid);
  }

  /**
   * Runs {@code sql}, which cannot run in a transaction block, on the embedded server (it commits),
   * while a third connection holds ROW EXCLUSIVE on {@code writersOn} (an application writing to
   * them). When the statement waits for that writer, the locks its backend holds or requests at
   * that moment are read from a second connection; then the writer lets go. A statement that never
   * waits finishes before its locks can be read reliably, and is reported as not traced.
   *
   * @throws TraceException on a scratch database
   */
  public StatementTrace observeOutsideTransaction(int line, String sql, List<QualifiedName> writersOn) {
    requireEphemeral("run a statement outside a transaction");
    try (Connection holder = server.dataSource().getConnection()) {
      Map<Long, Catalog.Relation> before = Catalog.relations(connection);
      holder.setAutoCommit(false);
      try (Statement s = holder.createStatement()) {
        for (QualifiedName table : writersOn) {
          s.execute("LOCK TABLE " + table.sql() + " IN ROW EXCLUSIVE MODE");
        }
      }
      long start = System.nanoTime();
      CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
        try (Statement s = connection.createStatement()) {
          s.execute(sql);
        } catch (SQLException e) {
          throw new IllegalStateException(e.getMessage(), e);
        }
      });
      Map<Long, Set<LockMode>> seen = new HashMap<>();
      boolean waited = false;
      try {
        while (!running.isDone() && !waited) {
          waited = waiting();
          Catalog.locks(sampler, pid).forEach((oid, modes) ->
              seen.computeIfAbsent(oid, k -> EnumSet.noneOf(LockMode.class)).addAll(modes));
          if (!waited) {
            Thread.sleep(POLL_MILLIS);
          }
        }
      } finally {
        holder.rollback();
      }
      String error = null;
      try {
        running.get(SAMPLED_STATEMENT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        error = e.getCause().getMessage();
      } catch (TimeoutException e) {
        throw new TraceException("line " + line + " still ran after " + SAMPLED_STATEMENT_TIMEOUT_SECONDS + " s: " + sql);
      }
      long durationMs = (System.nanoTime() - start) / 1_000_000;
      List<ObservedLock> locks = Catalog.newLocks(before, Map.of(), seen);
      if (!waited && error == null) {
        return new UntracedStatement(line, sql, "it cannot run in a transaction block and finished without waiting "
            + "for a concurrent writer, so its locks could not be read reliably (seen while it ran: "
            + (locks.isEmpty() ? "none" : locks.stream().map(l -> l.relation().sql() + " " + l.mode()).toList()) + ")");
      }
      Map<Long, Catalog.Relation> after = Catalog.relations(connection);
      return new ObservedStatement(line, sql, locks, List.of(), Catalog.rewrites(before, after),
          Catalog.created(before, after), durationMs, true, List.of(), false, error);
    } catch (SQLException e) {
      throw new TraceException("tracing failed on " + target.description() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TraceException("interrupted while tracing line " + line, e);
    }
  }

  private boolean waiting() throws SQLException {
    try (Statement s = sampler.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = " + pid)) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  private void requireEphemeral(String what) {
    if (server == null) {
      throw new TraceException("the tracer does not " + what + " on " + target.description()
          + ": only the embedded server it starts itself is ever changed");
    }
  }

  @Override
  public void close() {
    closeQuietly(sampler);
    closeQuietly(connection);
    closeQuietly(server);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      // Closing is best effort: the server's own shutdown hook still removes it.
    }
  }
}
