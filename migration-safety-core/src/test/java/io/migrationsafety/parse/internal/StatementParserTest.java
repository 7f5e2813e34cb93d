package io.migrationsafety.parse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.Unrecognized;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementParserTest {

  private static List<Operation> operationsOf(String sql) {
    List<ParsedStatement> statements = SqlParser.parse(sql, "test.sql").statements();
    assertThat(statements).hasSize(1);
    return statements.get(0).operations();
  }

  private static String reasonOf(String sql) {
    List<Operation> ops = operationsOf(sql);
    assertThat(ops).singleElement().isInstanceOf(Unrecognized.class);
    return ((Unrecognized) ops.get(0)).reason();
  }

  @Test
  void a_statement_kind_nobody_models_is_unrecognized_with_its_name() {
    assertThat(reasonOf("CREATE CAST (int AS text) WITH INOUT")).isEqualTo("CREATE CAST is not a statement this library models");
    assertThat(reasonOf("FROBNICATE everything")).isEqualTo("FROBNICATE is not a statement this library models");
  }

  @Test
  void a_statement_that_does_not_start_with_a_word_is_unrecognized() {
    assertThat(reasonOf("'just a string'")).startsWith("a statement cannot start with");
  }

  @Test
  void trailing_junk_is_not_accepted() {
    assertThat(reasonOf("ALTER TABLE t DROP COLUMN a b")).contains("unexpected 'b'").contains("line 1, column 29");
  }

  @Test
  void the_reason_names_the_line_and_column_of_the_problem() {
    assertThat(reasonOf("ALTER TABLE t\n  ALTER COLUMN a WIBBLE")).contains("at line 2, column 18");
  }

  @Test
  void psql_meta_commands_are_reported_not_interpreted() {
    assertThat(reasonOf("\\i other_file.sql")).contains("psql meta-command \\i is not SQL");
  }

  @Test
  void copy_data_belongs_to_its_copy_and_has_no_operation_of_its_own() {
    List<ParsedStatement> statements = SqlParser.parse("COPY t (a) FROM stdin;\n1\n2\n\\.\n", "t.sql").statements();
    assertThat(statements).hasSize(2);
    assertThat(statements.get(1).statement().text()).isEqualTo("1\n2\n\\.");
    assertThat(statements.get(1).operations()).isEmpty();
  }

  @Test
  void every_family_claims_its_own_heads() {
    // Building the head table throws on a head claimed twice; parsing anything builds it.
    assertThat(operationsOf("ALTER TABLE t ADD COLUMN a int")).hasSize(1);
  }
}
