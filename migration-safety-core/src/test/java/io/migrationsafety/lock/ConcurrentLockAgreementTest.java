package io.migrationsafety.lock;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.trace.ObservedStatement;
import io.migrationsafety.trace.StatementTrace;
import io.migrationsafety.trace.TraceSession;
import io.migrationsafety.trace.TraceTarget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Statements that cannot run in a transaction block ({@code CONCURRENTLY} forms, {@code VACUUM}),
 * traced the way the tracer traces them on its embedded server: while a writer holds ROW EXCLUSIVE
 * on the table, the statement runs until it waits for the writer, and the locks its backend holds
 * or requests at that moment are read ({@link TraceSession#observeOutsideTransaction}).
 */
class ConcurrentLockAgreementTest {

  private record Case(String sql, String heldTable, int since) {}

  private static final List<Case> CASES = List.of(
      new Case("REINDEX INDEX CONCURRENTLY items_code_idx", "items", 12),
      new Case("REINDEX TABLE CONCURRENTLY items", "items", 12),
      new Case("VACUUM FULL items", "items", 11),
      new Case("VACUUM FULL parent", "parent", 11),
      new Case("DROP INDEX CONCURRENTLY items_code_idx", "items", 11),
      // Last: the index it creates is not in the replayed schema the cases above are predicted on.
      new Case("CREATE INDEX CONCURRENTLY items_qty_idx ON items (qty)", "items", 11),
      new Case("CREATE UNIQUE INDEX CONCURRENTLY parent_name_uq ON parent (name)", "parent", 11));
  // Not verified here: DETACH PARTITION CONCURRENTLY (14+) commits its first transaction and then
  // waits for older snapshots; at that point pg_locks shows no relation lock of its backend to sample.

  static java.util.stream.IntStream versions() {
    return LockModelAgreementTest.versions();
  }

  @ParameterizedTest(name = "PostgreSQL {0}")
  @MethodSource("versions")
  void model_agrees_with_the_server_while_the_statement_waits(int major) throws Exception {
    Schema before = LockModelAgreementTest.replay(LockCorpus.SETUP);
    List<String> disagreements = new ArrayList<>();
    try (TraceSession session = TraceSession.open(TraceTarget.embedded(major))) {
      LockModelAgreementTest.prepare(session);
      for (Case c : CASES) {
        if (major < c.since()) {
          continue;
        }
        StatementTrace trace = session.observeOutsideTransaction(1, c.sql(),
            List.of(QualifiedName.of("public", c.heldTable())));
        assertThat(trace).as(c.sql()).isInstanceOf(ObservedStatement.class);
        ObservedStatement observed = ((ObservedStatement) trace)
            .withPrediction(LockModelAgreementTest.predict(c.sql(), before, major), true);
        assertThat(observed.sampled()).isTrue();
        if (observed.failed()) {
          disagreements.add(c.sql() + "\n    fails on the server: " + observed.error());
        } else if (!observed.disagreements().isEmpty()) {
          disagreements.add(c.sql() + "\n    " + observed.disagreements());
        }
      }
    }
    assertThat(disagreements).as("statements where the lock model and PostgreSQL %d disagree", major).isEmpty();
  }
}
