package io.migrationsafety.lock;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.replay.SchemaReplayer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs every statement of {@link LockCorpus} on real PostgreSQL, inside a transaction on the
 * prepared schema, reads the relation locks its own backend holds ({@code pg_locks}) and which
 * relations got new files ({@code pg_class.relfilenode}), rolls back, and compares with
 * {@link LockModel}: per user table, view and materialized view the strongest mode and the rewrite
 * flag must match exactly (ACCESS SHARE on a relation the statement only reads through a view
 * or query may be left out); indexes and sequences are compared where the model names them.
 * Statements that cannot run in a transaction block are in {@link ConcurrentLockAgreementTest}.
 */
class LockModelAgreementTest {

  private static final Set<String> ALWAYS_COMPARED = Set.of("r", "p", "m", "f", "v");

  @ParameterizedTest(name = "PostgreSQL {0}")
  @ValueSource(ints = {13, 16, 17})
  void model_agrees_with_the_server(int major) throws Exception {
    Schema before = replay(LockCorpus.SETUP);
    List<String> disagreements = new ArrayList<>();
    int checked = 0;
    try (EmbeddedPostgres postgres = PostgresServers.start(major);
        Connection connection = postgres.getPostgresDatabase().getConnection()) {
      try (Statement s = connection.createStatement()) {
        // A second tablespace, so that SET TABLESPACE really moves files.
        Path spare = Files.createTempDirectory("lock-model-tablespace");
        s.execute("CREATE TABLESPACE spare LOCATION '" + spare.toAbsolutePath() + "'");
        s.execute(LockCorpus.SETUP);
      }
      connection.setAutoCommit(false);
      for (LockCorpus.Case c : LockCorpus.CASES) {
        if (major < c.since()) {
          continue;
        }
        checked++;
        List<LockEffect> predicted = predict(c.sql(), before, major);
        Map<QualifiedName, Observed> observed;
        try {
          observed = observe(connection, c.sql());
        } catch (SQLException e) {
          disagreements.add(c.sql() + "\n    fails on the server: " + e.getMessage());
          continue;
        } finally {
          connection.rollback();
        }
        String diff = compare(predicted, observed);
        if (!diff.isEmpty()) {
          disagreements.add(c.sql() + "\n" + diff);
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(60);
    assertThat(disagreements).as("statements where the lock model and PostgreSQL %d disagree", major).isEmpty();
  }

  static Schema replay(String sql) {
    Schema schema = Schema.empty();
    for (ParsedStatement statement : SqlParser.parse(sql, "setup.sql").statements()) {
      for (Operation operation : statement.operations()) {
        schema = SchemaReplayer.apply(schema, operation, "public").after();
      }
    }
    return schema;
  }

  static List<LockEffect> predict(String sql, Schema before, int major) {
    List<LockEffect> all = new ArrayList<>();
    for (ParsedStatement statement : SqlParser.parse(sql, "case.sql").statements()) {
      for (Operation operation : statement.operations()) {
        assertThat(LockModel.known(operation)).as("model knows %s", operation).isTrue();
        all.addAll(LockModel.effects(operation, before, "public", major));
      }
    }
    return LockModel.merge(all);
  }

  record Observed(String relkind, LockMode mode, boolean rewrite) {}

  private record RelationRow(QualifiedName name, String relkind, long filenode) {}

  private static final String RELATIONS = """
      SELECT c.oid, n.nspname, c.relname, c.relkind::text, c.relfilenode FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%'
      """;

  private static final String LOCKS = """
      SELECT l.relation, l.mode FROM pg_locks l
      WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.database = (
        SELECT oid FROM pg_database WHERE datname = current_database())
      """;

  static Map<QualifiedName, Observed> observe(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      Map<Long, RelationRow> beforeRows = relations(s);
      s.execute(sql);
      Map<Long, RelationRow> afterRows = relations(s);
      Map<QualifiedName, Observed> result = new TreeMap<>(Schema.NAME_ORDER);
      try (ResultSet rs = s.executeQuery(LOCKS)) {
        while (rs.next()) {
          RelationRow row = beforeRows.get(rs.getLong(1));
          if (row == null) {
            continue; // a catalog, or a relation this statement created
          }
          LockMode mode = LockMode.fromSqlName(rs.getString(2)).orElseThrow();
          RelationRow now = afterRows.get(rs.getLong(1));
          boolean rewrite = now != null && now.filenode() != row.filenode();
          result.merge(row.name(), new Observed(row.relkind(), mode, rewrite),
              (a, b) -> new Observed(a.relkind(), a.mode().max(b.mode()), a.rewrite() || b.rewrite()));
        }
      }
      return result;
    }
  }

  private static Map<Long, RelationRow> relations(Statement s) throws SQLException {
    Map<Long, RelationRow> rows = new HashMap<>();
    try (ResultSet rs = s.executeQuery(RELATIONS)) {
      while (rs.next()) {
        rows.put(rs.getLong(1), new RelationRow(QualifiedName.of(rs.getString(2), rs.getString(3)),
            rs.getString(4), rs.getLong(5)));
      }
    }
    return rows;
  }

  static String compare(List<LockEffect> predicted, Map<QualifiedName, Observed> observed) {
    StringBuilder diff = new StringBuilder();
    Map<QualifiedName, LockEffect> byName = new TreeMap<>(Schema.NAME_ORDER);
    predicted.forEach(e -> byName.put(e.relation(), e));
    for (Map.Entry<QualifiedName, Observed> entry : observed.entrySet()) {
      Observed o = entry.getValue();
      LockEffect p = byName.get(entry.getKey());
      if (p == null) {
        // Reads of relations a statement does not name (a view's query, a matview's source) are
        // not in the model: ACCESS SHARE blocks only ACCESS EXCLUSIVE.
        if (ALWAYS_COMPARED.contains(o.relkind()) && o.mode() != LockMode.ACCESS_SHARE) {
          diff.append("    ").append(entry.getKey()).append(": server ").append(o.mode())
              .append(o.rewrite() ? " + rewrite" : "").append(", model nothing\n");
        }
        continue;
      }
      if (p.mode() != o.mode() || p.rewrite() != o.rewrite()) {
        diff.append("    ").append(entry.getKey()).append(": server ").append(o.mode())
            .append(o.rewrite() ? " + rewrite" : "").append(", model ").append(p.mode())
            .append(p.rewrite() ? " + rewrite" : "").append('\n');
      }
    }
    for (LockEffect p : predicted) {
      if (!observed.containsKey(p.relation())) {
        diff.append("    ").append(p.relation()).append(": server nothing, model ").append(p.mode()).append('\n');
      }
    }
    return diff.toString();
  }
}
