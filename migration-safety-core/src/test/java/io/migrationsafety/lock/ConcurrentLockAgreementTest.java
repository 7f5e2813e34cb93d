package io.migrationsafety.lock;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.schema.Schema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Statements that cannot run in a transaction block ({@code CONCURRENTLY} forms, {@code VACUUM}):
 * a holder transaction keeps ROW EXCLUSIVE on the table (an application writing), the statement
 * runs on a second connection until it waits for the holder, and a third samples the relation
 * locks the statement's backend holds or requests at that moment. Only modes are compared: the
 * statement is still running, so its rewrite is not visible yet.
 */
class ConcurrentLockAgreementTest {

  private record Case(String sql, String heldTable, int since) {}

  private static final List<Case> CASES = List.of(
      new Case("REINDEX INDEX CONCURRENTLY items_code_idx", "items", 12),
      new Case("REINDEX TABLE CONCURRENTLY items", "items", 12),
      new Case("VACUUM FULL items", "items", 11),
      new Case("DROP INDEX CONCURRENTLY items_code_idx", "items", 11),
      // Last: the index it creates is not in the replayed schema the cases above are predicted on.
      new Case("CREATE INDEX CONCURRENTLY items_qty_idx ON items (qty)", "items", 11));
  // Not verified here: DETACH PARTITION CONCURRENTLY (14+) commits its first transaction and then
  // waits for older snapshots; at that point pg_locks shows no relation lock of its backend to sample.

  @ParameterizedTest(name = "PostgreSQL {0}")
  @ValueSource(ints = {13, 17})
  void model_agrees_with_the_server_while_the_statement_waits(int major) throws Exception {
    Schema before = LockModelAgreementTest.replay(LockCorpus.SETUP);
    List<String> disagreements = new ArrayList<>();
    try (EmbeddedPostgres postgres = PostgresServers.start(major);
        Connection holder = postgres.getPostgresDatabase().getConnection();
        Connection sampler = postgres.getPostgresDatabase().getConnection()) {
      try (Statement s = holder.createStatement()) {
        s.execute("CREATE TABLESPACE spare LOCATION '"
            + java.nio.file.Files.createTempDirectory("lock-model-tablespace").toAbsolutePath() + "'");
        s.execute(LockCorpus.SETUP);
      }
      for (Case c : CASES) {
        if (major < c.since()) {
          continue;
        }
        String diff;
        try (Connection runner = postgres.getPostgresDatabase().getConnection()) {
          Map<QualifiedName, LockMode> observed = sample(holder, runner, sampler, c);
          List<LockEffect> predicted = LockModelAgreementTest.predict(c.sql(), before, major);
          diff = compare(predicted, observed);
        }
        if (!diff.isEmpty()) {
          disagreements.add(c.sql() + "\n" + diff);
        }
      }
    }
    assertThat(disagreements).as("statements where the lock model and PostgreSQL %d disagree", major).isEmpty();
  }

  private static Map<QualifiedName, LockMode> sample(Connection holder, Connection runner, Connection sampler,
      Case c) throws Exception {
    int pid;
    try (Statement s = runner.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      pid = rs.getInt(1);
    }
    holder.setAutoCommit(false);
    try (Statement s = holder.createStatement()) {
      s.execute("LOCK TABLE " + c.heldTable() + " IN ROW EXCLUSIVE MODE");
    }
    CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
      try (Statement s = runner.createStatement()) {
        s.execute(c.sql());
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    Map<QualifiedName, LockMode> observed = new TreeMap<>(Schema.NAME_ORDER);
    try (Statement s = sampler.createStatement()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!waiting(s, pid)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(c.sql() + " never waited for the holder");
        }
        Thread.sleep(20);
      }
      try (ResultSet rs = s.executeQuery("""
          SELECT n.nspname, c.relname, l.mode FROM pg_locks l
          JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE l.pid = %d AND l.locktype = 'relation'
            AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
            AND c.relname NOT LIKE '%%_ccnew%%' AND c.relname NOT LIKE '%%_ccold%%'
          """.formatted(pid))) {
        while (rs.next()) {
          observed.merge(QualifiedName.of(rs.getString(1), rs.getString(2)),
              LockMode.fromSqlName(rs.getString(3)).orElseThrow(), LockMode::max);
        }
      }
    } finally {
      holder.rollback();
      holder.setAutoCommit(true);
    }
    running.get(30, TimeUnit.SECONDS);
    return observed;
  }

  private static boolean waiting(Statement s, int pid) throws SQLException {
    try (ResultSet rs = s.executeQuery(
        "SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = " + pid)) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  private static String compare(List<LockEffect> predicted, Map<QualifiedName, LockMode> observed) {
    StringBuilder diff = new StringBuilder();
    for (LockEffect p : predicted) {
      LockMode o = observed.get(p.relation());
      if (o != p.mode()) {
        diff.append("    ").append(p.relation()).append(": server ").append(o == null ? "nothing" : o)
            .append(", model ").append(p.mode()).append('\n');
      }
    }
    observed.forEach((name, mode) -> {
      if (predicted.stream().noneMatch(p -> p.relation().equals(name)) && name.name().equals(name.name())
          && mode != LockMode.ACCESS_SHARE) {
        diff.append("    ").append(name).append(": server ").append(mode).append(", model nothing\n");
      }
    });
    return diff.toString();
  }
}
