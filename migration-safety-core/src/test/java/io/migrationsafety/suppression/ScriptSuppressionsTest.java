package io.migrationsafety.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.sql.SqlSplitter;
import io.migrationsafety.sql.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptSuppressionsTest {

  private static final RuleMetadata CONCURRENT = new RuleMetadata("require-concurrent-index",
      "Index without CONCURRENTLY", Severity.BLOCKED, true, List.of("prefer-concurrent-index"));
  private static final RuleMetadata DROP_COLUMN = RuleMetadata.of("ban-drop-column", "Drops a column", Severity.WARNING);

  private static List<SqlStatement> statements(String sql) {
    return SqlSplitter.split(sql, "V1__test.sql").statements();
  }

  @Test
  void a_statement_suppression_covers_only_its_own_statement() {
    List<SqlStatement> statements = statements("""
        -- migration-safety:ignore require-concurrent-index t is new
        CREATE INDEX i ON t (c);
        CREATE INDEX j ON t (d);
        """);
    ScriptSuppressions suppressions = ScriptSuppressions.of(statements);

    assertThat(suppressions.find(statements.get(0), CONCURRENT)).isPresent();
    assertThat(suppressions.find(statements.get(1), CONCURRENT)).isEmpty();
    assertThat(suppressions.find(statements.get(0), DROP_COLUMN)).isEmpty();
  }

  @Test
  void a_file_suppression_covers_every_statement() {
    List<SqlStatement> statements = statements("""
        -- migration-safety:ignore-file ban-drop-column vendor script
        ALTER TABLE a DROP COLUMN x;
        ALTER TABLE b DROP COLUMN y;
        """);
    ScriptSuppressions suppressions = ScriptSuppressions.of(statements);

    assertThat(suppressions.fileLevel()).hasSize(1);
    assertThat(suppressions.find(statements.get(1), DROP_COLUMN)).hasValueSatisfying(
        s -> assertThat(s.scope()).isEqualTo(Suppression.Scope.FILE));
    assertThat(suppressions.find(statements.get(1), CONCURRENT)).isEmpty();
  }

  @Test
  void the_statement_suppression_wins_over_the_file_suppression() {
    List<SqlStatement> statements = statements("""
        -- migration-safety:ignore-file require-concurrent-index vendor script
        SELECT 1;
        CREATE INDEX i ON t (c); -- migration-safety:ignore require-concurrent-index t is new
        """);

    assertThat(ScriptSuppressions.of(statements).find(statements.get(1), CONCURRENT))
        .hasValueSatisfying(s -> assertThat(s.reason()).isEqualTo("t is new"));
  }

  @Test
  void a_former_rule_id_still_suppresses() {
    List<SqlStatement> statements = statements("CREATE INDEX i ON t (c); -- migration-safety:ignore prefer-concurrent-index old id\n");

    assertThat(ScriptSuppressions.of(statements).find(statements.get(0), CONCURRENT)).isPresent();
  }

  @Test
  void every_problem_is_reported_once_in_source_order() {
    List<SqlStatement> statements = statements("""
        -- migration-safety:ignore-file Bad_Id vendor
        SELECT 1; -- migration-safety:ignore a-rule
        -- migration-safety:ignore-file a-rule too late
        SELECT 2;
        """);
    ScriptSuppressions suppressions = ScriptSuppressions.of(statements);

    assertThat(suppressions.problems()).extracting(p -> p.position().line()).containsExactly(1, 2, 3);
    assertThat(suppressions.all()).isEmpty();
  }

  @Test
  void all_lists_every_suppression_for_reporting_unused_ones() {
    List<SqlStatement> statements = statements("""
        -- migration-safety:ignore-file ban-drop-column vendor
        SELECT 1;
        SELECT 2; -- migration-safety:ignore require-concurrent-index fine
        """);

    assertThat(ScriptSuppressions.of(statements).all()).extracting(Suppression::scope)
        .containsExactly(Suppression.Scope.FILE, Suppression.Scope.STATEMENT);
  }

  @Test
  void a_script_without_statements_has_no_suppressions() {
    ScriptSuppressions suppressions = ScriptSuppressions.of(List.of());

    assertThat(suppressions.all()).isEmpty();
    assertThat(suppressions.problems()).isEmpty();
  }
}
