package io.migrationsafety.rules.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rules.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseDriftTest {

  private final RuleTester tester = RuleTester.of(new DatabaseDrift())
      .schema("CREATE TABLE accounts (id bigint PRIMARY KEY, email text); CREATE INDEX accounts_email ON accounts (email);");

  @Test
  void flags_a_database_that_differs_from_its_applied_migrations() {
    List<Finding> findings = tester.findings("""
        -- history: applied
        CREATE TABLE accounts (id bigint PRIMARY KEY, email varchar(100));
        """);
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.message()).startsWith("The database differs from the applied migrations in /migrations "
          + "(1 migration replayed) in 2 ways: ")
          .contains("column public.accounts.email: type is text in the database, character varying(100) in the")
          .contains("index public.accounts_email exists in the database but not in the applied migrations");
    });
  }

  @Test
  void allows_a_database_that_matches_its_applied_migrations() {
    assertThat(tester.findings("""
        -- history: applied
        CREATE TABLE accounts (id bigint PRIMARY KEY, email text);
        CREATE INDEX accounts_email ON accounts (email);
        """)).isEmpty();
  }

  @Test
  void says_the_comparison_was_not_possible_when_an_applied_migration_runs_code() {
    List<Finding> findings = tester.findings("""
        -- history: applied
        CREATE TABLE accounts (id bigint PRIMARY KEY, email text);
        DO $$ BEGIN EXECUTE 'CREATE INDEX accounts_email ON accounts (email)'; END $$;
        """);
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.message()).isEqualTo("Could not compare the database with its applied migrations: "
          + "V1__test.sql:3: runs code whose schema changes replay cannot follow");
    });
  }

  @Test
  void says_nothing_without_a_history() {
    assertThat(tester.findings("CREATE TABLE accounts (id bigint PRIMARY KEY);")).isEmpty();
  }
}
