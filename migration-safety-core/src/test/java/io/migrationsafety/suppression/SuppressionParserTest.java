package io.migrationsafety.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.sql.SqlSplitter;
import io.migrationsafety.sql.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionParserTest {

  private static List<SqlStatement> statements(String sql) {
    return SqlSplitter.split(sql, "V1__test.sql").statements();
  }

  private static Suppressions only(String sql) {
    List<SqlStatement> statements = statements(sql);
    assertThat(statements).hasSize(1);
    return SuppressionParser.parse(statements.get(0));
  }

  private static Suppression single(String sql) {
    Suppressions found = only(sql);
    assertThat(found.problems()).isEmpty();
    assertThat(found.suppressions()).hasSize(1);
    return found.suppressions().get(0);
  }

  private static SuppressionProblem problem(String sql) {
    Suppressions found = only(sql);
    assertThat(found.suppressions()).isEmpty();
    assertThat(found.problems()).hasSize(1);
    return found.problems().get(0);
  }

  @Test
  void reads_a_suppression_in_a_line_comment_before_the_statement() {
    Suppression s = single("""
        -- migration-safety:ignore require-concurrent-index orders is empty until the launch
        CREATE INDEX orders_created ON orders (created_at);
        """);

    assertThat(s.scope()).isEqualTo(Suppression.Scope.STATEMENT);
    assertThat(s.ruleIds()).containsExactly("require-concurrent-index");
    assertThat(s.reason()).isEqualTo("orders is empty until the launch");
    assertThat(s.position().line()).isEqualTo(1);
    assertThat(s.position().column()).isEqualTo(4);
    assertThat(s.covers("require-concurrent-index")).isTrue();
    assertThat(s.covers("ban-drop-column")).isFalse();
  }

  @Test
  void a_formats_placeholder_for_untranslated_code_is_neither_a_suppression_nor_a_problem() {
    Suppressions found = only("unresolved /* " + io.migrationsafety.parse.SqlParser.UNRESOLVED_MARKER
        + " the call helpers.backfill() runs code that is not known statically */;\n");
    assertThat(found.suppressions()).isEmpty();
    assertThat(found.problems()).isEmpty();
  }

  @Test
  void reads_a_trailing_suppression_on_the_line_of_the_semicolon() {
    Suppression s = single("CREATE INDEX i ON t (c); -- migration-safety:ignore require-concurrent-index t is new\n");

    assertThat(s.reason()).isEqualTo("t is new");
    assertThat(s.position().line()).isEqualTo(1);
    assertThat(s.position().column()).isEqualTo(29);
  }

  @Test
  void reads_a_suppression_inside_the_statement() {
    Suppression s = single("""
        ALTER TABLE orders
          -- migration-safety:ignore adding-not-null-column backfilled in V41
          ALTER COLUMN total SET NOT NULL;
        """);

    assertThat(s.ruleIds()).containsExactly("adding-not-null-column");
    assertThat(s.position().line()).isEqualTo(2);
    assertThat(s.position().column()).isEqualTo(6);
  }

  @Test
  void reads_a_block_comment_and_joins_its_lines_into_one_reason() {
    Suppression s = single("""
        CREATE INDEX i ON t (c);
        /*
           migration-safety:ignore require-concurrent-index the table
           holds twelve rows
        */
        CREATE INDEX j ON t (d);
        """.lines().skip(1).reduce("", (a, b) -> a + b + "\n"));

    assertThat(s.reason()).isEqualTo("the table holds twelve rows");
    assertThat(s.position().line()).isEqualTo(2);
    assertThat(s.position().column()).isEqualTo(4);
  }

  @Test
  void reads_a_block_comment_on_one_line() {
    Suppression s = single("CREATE INDEX i ON t (c) /* migration-safety:ignore require-concurrent-index small */;");

    assertThat(s.reason()).isEqualTo("small");
    assertThat(s.position().column()).isEqualTo(28);
  }

  @Test
  void reads_several_comma_separated_rule_ids() {
    Suppression s = single("-- migration-safety:ignore require-concurrent-index,ban-drop-column both reviewed by DBA\nSELECT 1;");

    assertThat(s.ruleIds()).containsExactly("require-concurrent-index", "ban-drop-column");
    assertThat(s.reason()).isEqualTo("both reviewed by DBA");
  }

  @Test
  void tolerates_extra_dashes_stars_and_no_blank_after_the_comment_marker() {
    assertThat(single("--migration-safety:ignore a-rule why not\nSELECT 1;").position().column()).isEqualTo(3);
    assertThat(single("--- migration-safety:ignore a-rule why not\nSELECT 1;").position().column()).isEqualTo(5);
    assertThat(single("/** migration-safety:ignore a-rule why not */\nSELECT 1;").ruleIds()).containsExactly("a-rule");
    assertThat(single("-- Migration-Safety:IGNORE a-rule why not\nSELECT 1;").ruleIds()).containsExactly("a-rule");
  }

  @Test
  void a_suppression_belongs_to_the_statement_after_it_not_the_one_before() {
    List<SqlStatement> statements = statements("""
        CREATE TABLE t (c int);

        -- migration-safety:ignore require-concurrent-index t is new
        CREATE INDEX i ON t (c);
        """);

    assertThat(SuppressionParser.parse(statements.get(0)).isEmpty()).isTrue();
    assertThat(SuppressionParser.parse(statements.get(1)).suppressions()).hasSize(1);
  }

  @Test
  void ordinary_comments_are_not_suppressions() {
    Suppressions found = only("""
        -- adds the index; see migration-safety:ignore in the docs
        /* migration-safety is run in CI */
        CREATE INDEX i ON t (c); -- plain note
        """);

    assertThat(found.isEmpty()).isTrue();
    assertThat(found).isSameAs(Suppressions.none());
  }

  // --- problems ---

  @Test
  void a_suppression_without_a_reason_is_a_problem_that_shows_the_form() {
    SuppressionProblem p = problem("CREATE INDEX i ON t (c); -- migration-safety:ignore require-concurrent-index\n");

    assertThat(p.position().line()).isEqualTo(1);
    assertThat(p.position().column()).isEqualTo(29);
    assertThat(p.message()).isEqualTo("suppressing require-concurrent-index needs a reason: say why it is safe here;"
        + " the form is -- migration-safety:ignore <rule-id>[,<rule-id>...] <reason>");
  }

  @Test
  void a_reason_of_punctuation_only_is_no_reason() {
    assertThat(problem("-- migration-safety:ignore a-rule --\nSELECT 1;").message()).contains("needs a reason");
    assertThat(problem("/* migration-safety:ignore a-rule */\nSELECT 1;").message()).contains("needs a reason");
  }

  @Test
  void a_suppression_without_a_rule_id_is_a_problem() {
    SuppressionProblem p = problem("\n   -- migration-safety:ignore\nSELECT 1;");

    assertThat(p.position().line()).isEqualTo(2);
    assertThat(p.position().column()).isEqualTo(7);
    assertThat(p.message()).startsWith("a suppression needs a rule id and a reason; the form is -- migration-safety:ignore");
  }

  @Test
  void a_malformed_rule_id_is_a_problem() {
    assertThat(problem("-- migration-safety:ignore require_concurrent_index the table is small\nSELECT 1;").message())
        .startsWith("'require_concurrent_index' is not a rule id: rule ids are kebab-case, like require-concurrent-index;"
            + " the form is");
    assertThat(problem("-- migration-safety:ignore RequireConcurrentIndex small\nSELECT 1;").message())
        .contains("'RequireConcurrentIndex' is not a rule id");
    assertThat(problem("-- migration-safety:ignore a-rule,,b-rule small\nSELECT 1;").message())
        .contains("a rule id is missing in 'a-rule,,b-rule'");
  }

  @Test
  void blanks_after_a_comma_are_refused_rather_than_guessed() {
    assertThat(problem("-- migration-safety:ignore a-rule, b-rule small\nSELECT 1;").message())
        .contains("a rule id is missing in 'a-rule,'", "separate ids with commas only, no blanks");
  }

  @Test
  void an_unknown_directive_is_a_problem_rather_than_silence() {
    assertThat(problem("-- migration-safety:disable a-rule why\nSELECT 1;").message())
        .isEqualTo("'migration-safety:disable' is not a migration-safety directive; the form is"
            + " -- migration-safety:ignore <rule-id>[,<rule-id>...] <reason>");
    assertThat(problem("-- migration-safety: ignore a-rule why\nSELECT 1;").message())
        .startsWith("'migration-safety:' is not a migration-safety directive");
    assertThat(problem("-- migration-safety:ignored a-rule why\nSELECT 1;").message())
        .startsWith("'migration-safety:ignored' is not");
    assertThat(problem("-- migration-safety:ignore:a-rule why\nSELECT 1;").message())
        .startsWith("'migration-safety:ignore' is not");
  }

  // --- file level ---

  @Test
  void ignore_file_before_the_first_statement_is_a_file_level_suppression() {
    List<SqlStatement> statements = statements("""
        -- Generated by a tool we do not control.
        -- migration-safety:ignore-file require-concurrent-index,ban-drop-column vendor script, runs at install only

        CREATE INDEX i ON t (c);
        """);
    Suppressions found = SuppressionParser.parse(statements.get(0));

    assertThat(found.problems()).isEmpty();
    Suppression s = found.suppressions().get(0);
    assertThat(s.scope()).isEqualTo(Suppression.Scope.FILE);
    assertThat(s.ruleIds()).containsExactly("require-concurrent-index", "ban-drop-column");
    assertThat(s.reason()).isEqualTo("vendor script, runs at install only");
    assertThat(s.position().line()).isEqualTo(2);
  }

  @Test
  void ignore_file_after_the_first_statement_is_a_problem() {
    List<SqlStatement> statements = statements("""
        CREATE TABLE t (c int);
        -- migration-safety:ignore-file require-concurrent-index too late
        CREATE INDEX i ON t (c);
        """);
    Suppressions found = SuppressionParser.parse(statements.get(1));

    assertThat(found.suppressions()).isEmpty();
    assertThat(found.problems()).singleElement().satisfies(p -> {
      assertThat(p.position().line()).isEqualTo(2);
      assertThat(p.message()).startsWith("migration-safety:ignore-file covers a whole file and must come before"
          + " its first statement; to suppress a finding on this statement, write -- migration-safety:ignore");
    });
  }

  @Test
  void ignore_file_inside_or_after_the_first_statement_is_a_problem() {
    assertThat(problem("CREATE INDEX i ON t (c); -- migration-safety:ignore-file a-rule why\n").message())
        .contains("must come before its first statement");
    assertThat(problem("CREATE INDEX i\n-- migration-safety:ignore-file a-rule why\nON t (c);").message())
        .contains("must come before its first statement");
  }

  @Test
  void a_malformed_ignore_file_shows_the_file_form() {
    assertThat(problem("-- migration-safety:ignore-file a-rule\nSELECT 1;").message())
        .endsWith("the form is -- migration-safety:ignore-file <rule-id>[,<rule-id>...] <reason>");
  }
}
