package io.migrationsafety.rules.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class TableRewriteTest {

  private final RuleTester tester = RuleTester.of(new TableRewrite())
      .schema("CREATE TABLE events (id bigint PRIMARY KEY);");

  @Test
  void flags_statements_that_copy_a_large_table() {
    tester.check("""
        -- expect: VACUUM FULL rewrites public.events while blocking all reads and writes
        VACUUM FULL events;
        -- expect: CLUSTER rewrites public.events
        CLUSTER events USING events_pkey;
        -- expect: SET UNLOGGED rewrites
        ALTER TABLE events SET UNLOGGED;
        -- expect: SET TABLESPACE rewrites
        ALTER TABLE events SET TABLESPACE archive;
        -- expect: VACUUM FULL without a table rewrites every table
        VACUUM FULL;
        """);
  }

  @Test
  void allows_plain_vacuum_and_small_or_new_tables() {
    tester.check("VACUUM events;\nCREATE TABLE t (a int);\nALTER TABLE t SET LOGGED;\nALTER TABLE events SET LOGGED;");
    tester.tableRows("public.events", 100).check("VACUUM FULL events;");
  }

  @Test
  void suggests_the_light_form_or_a_table_built_the_new_way() {
    assertThat(tester.findings("VACUUM FULL events;").get(0).suggestion()).contains("VACUUM (ANALYZE) events;");
    assertThat(tester.findings("ALTER TABLE events SET UNLOGGED;").get(0).suggestion())
        .contains("CREATE UNLOGGED TABLE events_new (LIKE events INCLUDING ALL);");
    assertThat(tester.findings("ALTER TABLE events SET TABLESPACE archive;").get(0).suggestion())
        .contains("CREATE TABLE events_new (LIKE events INCLUDING ALL) TABLESPACE archive;");
    assertThat(tester.findings("CLUSTER events USING events_pkey;").get(0).suggestion())
        .contains("ALTER TABLE events CLUSTER ON events_pkey;");
  }
}
