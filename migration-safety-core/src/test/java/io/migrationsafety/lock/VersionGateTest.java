package io.migrationsafety.lock;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.Operation;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.rules.RuleTester;
import io.migrationsafety.rules.general.RequiresNewerPostgres;
import io.migrationsafety.trace.EmbeddedServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The version gates of {@link RequiresNewerPostgres} and of the rules that depend on the target
 * version, on real servers: each statement runs (in a transaction that is rolled back, or alone
 * when it refuses transactions) on PostgreSQL 13 and 17, and must fail exactly where the rule says
 * the target is too old. Also the refusals rules rely on: DETACH … CONCURRENTLY in a transaction
 * block, CREATE INDEX CONCURRENTLY on a partitioned table, a new enum label used before commit.
 */
class VersionGateTest {

  private record Gate(String sql, int since, boolean transactional) {}

  private static final String SETUP = """
      CREATE TABLE gate_parent (id bigint PRIMARY KEY, code text);
      CREATE TABLE gate_child (id bigint, parent_id bigint,
          CONSTRAINT gate_child_fk FOREIGN KEY (parent_id) REFERENCES gate_parent (id));
      CREATE TABLE gate_events (id bigint, day date) PARTITION BY RANGE (day);
      CREATE TABLE gate_events_2024 PARTITION OF gate_events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
      CREATE TYPE gate_mood AS ENUM ('sad', 'ok');
      """;

  private static final List<Gate> GATES = List.of(
      new Gate("ALTER TABLE gate_events DETACH PARTITION gate_events_2024 CONCURRENTLY", 14, false),
      new Gate("ALTER TABLE gate_parent ALTER COLUMN code SET COMPRESSION pglz", 14, true),
      new Gate("ALTER TABLE gate_parent SET ACCESS METHOD heap", 15, true),
      new Gate("CREATE UNIQUE INDEX gate_code_idx ON gate_parent (code) NULLS NOT DISTINCT", 15, true),
      new Gate("MERGE INTO gate_parent p USING gate_child c ON p.id = c.parent_id WHEN MATCHED THEN DO NOTHING", 15, true),
      new Gate("ALTER TABLE gate_parent ADD COLUMN v bigint GENERATED ALWAYS AS (id * 2) VIRTUAL", 18, true),
      new Gate("ALTER TABLE gate_parent ADD CONSTRAINT gate_code_nn NOT NULL code NOT VALID", 18, true),
      new Gate("ALTER TABLE gate_child ALTER CONSTRAINT gate_child_fk NOT ENFORCED", 18, true));

  @ParameterizedTest(name = "PostgreSQL {0}")
  @ValueSource(ints = {13, 17})
  void gates_agree_with_the_server(int major) throws Exception {
    List<String> disagreements = new ArrayList<>();
    try (EmbeddedServer postgres = EmbeddedServer.start(major);
        Connection connection = postgres.dataSource().getConnection()) {
      try (Statement s = connection.createStatement()) {
        s.execute(SETUP);
      }
      for (Gate gate : GATES) {
        boolean runs = runs(connection, gate.sql(), gate.transactional());
        boolean flagged = RequiresNewerPostgres.flags(operation(gate.sql()), major);
        if (runs != (major >= gate.since()) || flagged == runs) {
          disagreements.add(gate.sql() + ": runs on " + major + " = " + runs + ", flagged = " + flagged);
        }
      }
      // What other rules rely on, refused on both versions.
      assertThat(runs(connection, "CREATE INDEX CONCURRENTLY gate_events_id_idx ON gate_events (id)", false))
          .as("CREATE INDEX CONCURRENTLY on a partitioned table").isFalse();
      assertThat(runs(connection, "ALTER TYPE gate_mood ADD VALUE 'happy'; SELECT 'happy'::gate_mood", true))
          .as("a new enum label used in the transaction that added it").isFalse();
      assertThat(runs(connection, "ALTER TYPE gate_mood ADD VALUE 'glad'", true))
          .as("ALTER TYPE … ADD VALUE inside a transaction block (12+)").isTrue();
      if (major >= 14) {
        assertThat(runs(connection,
            "ALTER TABLE gate_events DETACH PARTITION gate_events_2024 CONCURRENTLY", true))
            .as("DETACH … CONCURRENTLY inside a transaction block").isFalse();
      }
    }
    assertThat(disagreements).isEmpty();
    assertThat(RuleTester.of(new RequiresNewerPostgres()).postgresVersion(major).findings(
        "ALTER TABLE gate_events DETACH PARTITION gate_events_2024 CONCURRENTLY;")).hasSize(major < 14 ? 1 : 0);
  }

  /** Whether the statement runs: in a transaction rolled back afterwards, or alone (autocommit). */
  private static boolean runs(Connection connection, String sql, boolean transactional) throws SQLException {
    connection.setAutoCommit(!transactional);
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
      return true;
    } catch (SQLException e) {
      return false;
    } finally {
      if (transactional) {
        connection.rollback();
      } else if (sql.contains("DETACH")) {
        try (Statement s = connection.createStatement()) {
          s.execute("ALTER TABLE gate_events ATTACH PARTITION gate_events_2024 FOR VALUES FROM ('2024-01-01') TO "
              + "('2025-01-01')");
        } catch (SQLException e) {
          // not detached: nothing to undo
        }
      }
      connection.setAutoCommit(true);
    }
  }

  private static Operation operation(String sql) {
    List<ParsedStatement> statements = SqlParser.parse(sql, "gate.sql").statements();
    return statements.get(0).operations().get(0);
  }
}
