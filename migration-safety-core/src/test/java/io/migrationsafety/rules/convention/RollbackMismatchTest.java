package io.migrationsafety.rules.convention;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rule.Finding;
import io.migrationsafety.rules.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollbackMismatchTest {

  private final RuleTester tester = RuleTester.of(new RollbackMismatch())
      .schema("CREATE TABLE users (id bigint PRIMARY KEY, email text);");

  @Test
  void flags_a_down_script_that_leaves_an_index_over() {
    tester.check("""
        -- down: ALTER TABLE users DROP COLUMN name;
        -- expect: index public.users_email_idx exists in the rolled-back schema
        ALTER TABLE users ADD COLUMN name text;
        CREATE INDEX users_email_idx ON users (email);
        """);
  }

  @Test
  void allows_a_down_script_whose_column_drop_takes_the_index_with_it() {
    tester.check("""
        -- down: ALTER TABLE users DROP COLUMN name;
        ALTER TABLE users ADD COLUMN name text;
        CREATE INDEX users_name_idx ON users (name);
        """);
  }

  @Test
  void flags_a_down_script_that_fails_and_suggests_the_synthesized_rollback() {
    List<Finding> findings = tester.findings("""
        -- down: DROP INDEX users_nope;
        CREATE INDEX users_email_idx ON users (email);
        """);
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.message()).contains("does not undo this migration")
          .contains("index public.users_email_idx exists in the rolled-back schema but not in the schema before the migration")
          .contains("the down script fails at line 1:").contains("users_nope");
      assertThat(f.suggestion()).contains("DROP INDEX public.users_email_idx;");
    });
  }

  @Test
  void flags_a_down_script_that_restores_another_type_and_counts_the_rest() {
    List<Finding> findings = tester.findings("""
        -- down: ALTER TABLE users ALTER COLUMN email TYPE varchar(10);
        ALTER TABLE users ALTER COLUMN email TYPE varchar(200);
        CREATE TABLE a (id int);
        CREATE TABLE b (id int);
        CREATE TABLE c (id int);
        """);
    assertThat(findings).singleElement().satisfies(f -> assertThat(f.message())
        .contains("column public.users.email: type is character varying(10) in the rolled-back schema, text in the schema before the migration").contains("and 1 more"));
  }

  @Test
  void allows_a_down_script_that_undoes_the_migration() {
    tester.check("""
        -- down: DROP INDEX users_name_idx; ALTER TABLE users DROP COLUMN name;
        ALTER TABLE users ADD COLUMN name text;
        CREATE INDEX users_name_idx ON users (name);
        """);
  }

  @Test
  void says_nothing_without_a_down_script() {
    tester.check("ALTER TABLE users ADD COLUMN name text;");
  }

  @Test
  void allows_down_scripts_on_tables_the_known_schema_lacks() {
    RuleTester.of(new RollbackMismatch()).check("""
        -- down: ALTER TABLE elsewhere DROP COLUMN note;
        ALTER TABLE elsewhere ADD COLUMN note text;
        """);
  }
}
