package io.migrationsafety.parse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.CreateTable;
import io.migrationsafety.operation.DataChange;
import io.migrationsafety.operation.DmlKind;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.Persistence;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Query;
import io.migrationsafety.operation.Unrecognized;
import io.migrationsafety.operation.WhereShape;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.sql.SqlSplitter;
import io.migrationsafety.sql.SqlStatement;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DmlStatementsTest {

  private static List<Operation> parse(String sql) {
    List<ParsedStatement> statements = SqlParser.parse(sql, "test.sql").statements();
    assertThat(statements).hasSize(1);
    return statements.get(0).operations();
  }

  private static DataChange dataChange(String sql) {
    List<Operation> operations = parse(sql);
    assertThat(operations).hasSize(1).first().isInstanceOf(DataChange.class);
    return (DataChange) operations.get(0);
  }

  @Test
  void keeps_a_multi_line_where_as_written() {
    DataChange d = dataChange("DELETE FROM audit_log\r\nWHERE id IN (\r\n  SELECT id FROM audit_log -- oldest first\r\n"
        + "  ORDER BY id LIMIT 1000\r\n)\r\nRETURNING id;");
    assertThat(d.where().sql()).isEqualTo("id IN (\r\n  SELECT id FROM audit_log -- oldest first\r\n  ORDER BY id LIMIT 1000\r\n)");
    assertThat(d.where().shape()).isEqualTo(WhereShape.LIMITED_SUBQUERY);
    assertThat(d.returning()).isTrue();
  }

  @Test
  void reads_each_data_modifying_cte_as_its_own_data_change_in_order() {
    List<Operation> operations = parse("""
        WITH moved AS (DELETE FROM events WHERE id < 1000 RETURNING *),
             counted AS (UPDATE stats SET n = n + 1 WHERE id = 1 RETURNING n)
        INSERT INTO events_archive SELECT * FROM moved""");
    assertThat(operations).hasSize(3).allMatch(o -> o instanceof DataChange);
    assertThat(operations).extracting(o -> ((DataChange) o).dmlKind())
        .containsExactly(DmlKind.DELETE, DmlKind.UPDATE, DmlKind.INSERT);
    assertThat(operations).extracting(o -> ((DataChange) o).table())
        .containsExactly(QualifiedName.of("events"), QualifiedName.of("stats"), QualifiedName.of("events_archive"));
  }

  @Test
  void counts_the_calls_of_plain_ctes_for_the_main_statement() {
    DataChange d = dataChange("WITH ids AS (SELECT id FROM users WHERE seen < now() LIMIT 10) "
        + "UPDATE users SET token = gen_random_uuid() WHERE id IN (SELECT id FROM ids)");
    assertThat(d.functions()).containsExactlyInAnyOrder("gen_random_uuid", "now");
    assertThat(d.where().shape()).isEqualTo(WhereShape.LIMITED_SUBQUERY);
  }

  @Test
  void does_not_count_cte_names_as_tables_read() {
    Query q = (Query) parse("WITH recent AS (SELECT * FROM orders WHERE placed > now() - interval '1 day') "
        + "SELECT * FROM recent JOIN customers c ON c.id = recent.customer_id").get(0);
    assertThat(q.tables()).containsExactly(QualifiedName.of("orders"), QualifiedName.of("customers"));
  }

  @Test
  void reads_explain_analyze_as_the_statement_it_runs() {
    DataChange d = dataChange("EXPLAIN (ANALYZE, BUFFERS) DELETE FROM orders WHERE id = 1");
    assertThat(d.dmlKind()).isEqualTo(DmlKind.DELETE);
  }

  @Test
  void reads_explain_without_analyze_as_a_query_that_calls_nothing() {
    Query q = (Query) parse("EXPLAIN UPDATE orders SET total = random() WHERE id = 1").get(0);
    assertThat(q.tables()).containsExactly(QualifiedName.of("orders"));
    assertThat(q.functions()).isEmpty();
  }

  @Test
  void reads_explain_analyze_of_create_table_as_as_the_statement_it_runs() {
    // Whatever the DDL families make of CREATE TABLE AS, EXPLAIN ANALYZE of it is the same.
    assertThat(parse("EXPLAIN ANALYZE CREATE TABLE t AS SELECT 1")).isEqualTo(parse("CREATE TABLE t AS SELECT 1"));
  }

  @Test
  void reads_select_into_as_create_table_as() {
    CreateTable t = (CreateTable) parse("SELECT id, email INTO UNLOGGED TABLE app.users_copy FROM users").get(0);
    assertThat(t.name()).isEqualTo(QualifiedName.of("app", "users_copy"));
    assertThat(t.persistence()).isEqualTo(Persistence.UNLOGGED);
    assertThat(t.asQuery()).isEqualTo("SELECT id, email FROM users");
  }

  @Test
  void makes_a_statement_it_cannot_read_unrecognized_with_the_reason() {
    List<Operation> operations = parse("UPDATE users SET WHERE id = 1");
    assertThat(operations).singleElement().isInstanceOf(Unrecognized.class);
    assertThat(((Unrecognized) operations.get(0)).reason()).contains("line 1");
  }

  @Test
  @Timeout(60)
  void reads_seed_data_too_large_for_jsqlparser_from_tokens() {
    StringBuilder sql = new StringBuilder("INSERT INTO numbers (n, label) VALUES ");
    for (int i = 0; i < 5_000; i++) {
      sql.append(i == 0 ? "" : ", ").append('(').append(i).append(", 'n").append(i).append("')");
    }
    DataChange d = dataChange(sql.toString());
    assertThat(d.literalRows()).isEqualTo(5_000);
    assertThat(d.columns()).containsExactly("n", "label");
  }

  @Test
  @Timeout(60)
  void reads_deeply_nested_statements_without_hanging() {
    String nested = "(SELECT ".repeat(40) + "id FROM t" + ")".repeat(40);
    String sql = "UPDATE users SET x = clock_timestamp() WHERE id IN " + nested;
    long start = System.nanoTime();
    DataChange d = dataChange(sql);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(d.functions()).containsExactly("clock_timestamp");
    assertThat(d.where().shape()).isEqualTo(WhereShape.OTHER);
  }

  @Test
  void reads_every_golden_data_change_the_same_with_and_without_jsqlparser() throws IOException {
    int compared = 0;
    for (Path file : goldenFiles()) {
      String source = Files.readString(file, StandardCharsets.UTF_8);
      for (SqlStatement statement : SqlSplitter.split(source, file.toString()).statements()) {
        TokenCursor cursor = new TokenCursor(statement);
        if (statement.kind() != SqlStatement.Kind.SQL
            || !(cursor.isAny("insert", "update", "delete", "merge"))) {
          continue;
        }
        TokenSlice s = TokenSlice.rest(cursor);
        DataChange viaJSqlParser;
        try {
          viaJSqlParser = DataChanges.read(s, Set.of());
        } catch (ParseFailure e) {
          continue; // the deliberately broken statements
        }
        DataChange viaTokens = DataChanges.readFromTokens(s, Set.of());
        String what = file.getFileName() + " line " + statement.line();
        assertThat(viaTokens.where()).as(what).isEqualTo(viaJSqlParser.where());
        assertThat(viaTokens.literalRows()).as(what).isEqualTo(viaJSqlParser.literalRows());
        assertThat(viaTokens.columns()).as(what).isEqualTo(viaJSqlParser.columns());
        assertThat(viaTokens.functions()).as(what).containsAll(viaJSqlParser.functions());
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(50);
  }

  private static List<Path> goldenFiles() throws IOException {
    try {
      Path root = Path.of(DmlStatementsTest.class.getResource("/sql/dml").toURI());
      try (Stream<Path> files = Files.list(root)) {
        return new ArrayList<>(files.filter(p -> p.toString().endsWith(".sql")).sorted().toList());
      }
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
