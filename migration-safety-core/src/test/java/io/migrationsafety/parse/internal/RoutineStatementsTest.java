package io.migrationsafety.parse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.CreateFunction;
import io.migrationsafety.operation.DoBlock;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.Unrecognized;
import io.migrationsafety.operation.Volatility;
import io.migrationsafety.parse.SqlParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Routine bodies over several lines, which golden files cannot hold: their CRLF variant would
 * change the body, which is kept exactly as written.
 */
class RoutineStatementsTest {

  private static List<Operation> parse(String sql) {
    return SqlParser.parse(sql, "test.sql").statements().get(0).operations();
  }

  @Test
  void keeps_a_multi_line_dollar_quoted_body_exactly() {
    String sql = """
        CREATE OR REPLACE FUNCTION set_updated_at()
        RETURNS trigger AS $$
        BEGIN
          NEW.updated_at := now();
          RETURN NEW;
        END;
        $$ LANGUAGE plpgsql;
        """;
    CreateFunction f = (CreateFunction) parse(sql).get(0);
    assertThat(f.body()).isEqualTo("\nBEGIN\n  NEW.updated_at := now();\n  RETURN NEW;\nEND;\n");
    assertThat(f.returns()).isEqualTo("trigger");
    assertThat(f.language()).isEqualTo("plpgsql");
  }

  @Test
  void keeps_crlf_line_ends_inside_a_body() {
    String sql = "CREATE FUNCTION f() RETURNS int AS $$\r\nSELECT 1\r\n$$ LANGUAGE sql;\r\n";
    assertThat(((CreateFunction) parse(sql).get(0)).body()).isEqualTo("\r\nSELECT 1\r\n");
  }

  @Test
  void parses_a_multi_line_begin_atomic_body_as_sql() {
    String sql = """
        CREATE PROCEDURE insert_pair(a int, b int)
        LANGUAGE SQL
        BEGIN ATOMIC
          INSERT INTO pairs VALUES (a);
          INSERT INTO pairs VALUES (b);
          SELECT CASE WHEN a > b THEN 1 ELSE 0 END;
        END;
        """;
    CreateFunction p = (CreateFunction) parse(sql).get(0);
    assertThat(p.language()).isEqualTo("sql");
    assertThat(p.body()).startsWith("BEGIN ATOMIC\n  INSERT").endsWith("END;\nEND");
    assertThat(p.declaredVolatility()).isEqualTo(Volatility.VOLATILE);
  }

  @Test
  void parses_a_multi_line_do_block_with_its_language_after_the_body() {
    String sql = "DO $do$\nBEGIN\n  PERFORM 1;\nEND\n$do$ LANGUAGE plpgsql;";
    DoBlock d = (DoBlock) parse(sql).get(0);
    assertThat(d.language()).isEqualTo("plpgsql");
    assertThat(d.body()).isEqualTo("\nBEGIN\n  PERFORM 1;\nEND\n");
  }

  @Test
  void names_the_line_and_column_of_an_unknown_attribute() {
    String sql = "CREATE FUNCTION f() RETURNS int\n  LANGUAGE sql\n  SOMETIMES\n  AS 'select 1';";
    assertThat(parse(sql)).singleElement().isInstanceOfSatisfying(Unrecognized.class,
        u -> assertThat(u.reason()).isEqualTo("expected a routine attribute at line 3, column 3 (found 'SOMETIMES')"));
  }
}
