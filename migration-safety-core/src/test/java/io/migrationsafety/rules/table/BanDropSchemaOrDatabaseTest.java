package io.migrationsafety.rules.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class BanDropSchemaOrDatabaseTest {

  private final RuleTester tester = RuleTester.of(new BanDropSchemaOrDatabase());

  @Test
  void flags_drop_schema_with_and_without_cascade() {
    tester.check("""
        -- expect: DROP SCHEMA billing CASCADE deletes every object in it
        DROP SCHEMA billing CASCADE;
        -- expect: DROP SCHEMA archive deletes the schema
        DROP SCHEMA IF EXISTS archive;
        """);
  }

  @Test
  void flags_drop_database() {
    tester.transactional(false).check("""
        -- expect: DROP DATABASE legacy deletes the whole database
        DROP DATABASE legacy;
        """);
  }

  @Test
  void allows_a_scratch_schema_created_earlier_in_the_migration_and_other_drops() {
    tester.check("""
        CREATE SCHEMA scratch;
        CREATE TABLE scratch.t (id int);
        DROP SCHEMA scratch CASCADE;
        DROP VIEW IF EXISTS report;
        """);
  }

  @Test
  void suggests_dropping_objects_one_by_one_then_the_empty_schema() {
    assertThat(tester.findings("DROP SCHEMA billing CASCADE;")).singleElement()
        .satisfies(f -> assertThat(f.suggestion()).endsWith("DROP SCHEMA billing;"));
  }
}
