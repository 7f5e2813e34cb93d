package io.migrationsafety.trace;

import io.migrationsafety.lock.LockMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One transaction on the tracing connection in which statements run one by one, each observed:
 * the relation locks its backend holds after the statement that it did not hold before it (read
 * from the session's second connection, so that the tracer's own reads never show up), the relations whose files changed, and its time. Always
 * ends with ROLLBACK.
 */
final class ObservingTransaction implements AutoCloseable {

  private final Connection connection;
  private final Connection sampler;
  private final int pid;
  private Map<Long, Catalog.Relation> relations;
  private Map<Long, Set<LockMode>> locks;
  private boolean aborted;

  ObservingTransaction(Connection connection, Connection sampler, int pid) throws SQLException {
    this.connection = connection;
    this.sampler = sampler;
    this.pid = pid;
    connection.setAutoCommit(false);
    this.relations = Catalog.relations(connection);
    this.locks = Catalog.locks(sampler, pid);
  }

  /** Whether a statement failed, after which the transaction can only be rolled back. */
  boolean aborted() {
    return aborted;
  }

  /** Runs {@code sql} and says what it did; a failure is part of the observation, not thrown. */
  ObservedStatement run(int line, String sql) throws SQLException {
    if (aborted) {
      throw new IllegalStateException("the transaction is aborted");
    }
    String error = null;
    long start = System.nanoTime();
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      error = e.getMessage();
      aborted = true;
    }
    long durationMs = (System.nanoTime() - start) / 1_000_000;
    Map<Long, Set<LockMode>> lockedNow = Catalog.locks(sampler, pid);
    List<ObservedLock> held = Catalog.held(relations, locks);
    List<ObservedLock> taken = Catalog.newLocks(relations, locks, lockedNow);
    if (aborted) {
      // An aborted transaction cannot read the catalog: what it rewrote or created is unknown.
      return new ObservedStatement(line, sql, taken, held, List.of(), List.of(), durationMs, false, List.of(),
          false, error);
    }
    Map<Long, Catalog.Relation> relationsNow = Catalog.relations(connection);
    ObservedStatement observed = new ObservedStatement(line, sql, taken, held,
        Catalog.rewrites(relations, relationsNow), Catalog.created(relations, relationsNow), durationMs, false,
        List.of(), false, null);
    relations = relationsNow;
    locks = lockedNow;
    return observed;
  }

  @Override
  public void close() throws SQLException {
    try {
      connection.rollback();
    } finally {
      connection.setAutoCommit(true);
    }
  }
}
