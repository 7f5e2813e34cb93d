package io.migrationsafety.rules.table;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class BanDropTableTest {

  private final RuleTester tester = RuleTester.of(new BanDropTable())
      .schema("CREATE TABLE audit_log (id bigint); CREATE TABLE orders (id bigint);");

  @Test
  void flags_dropping_existing_tables_one_finding_each() {
    tester.check("""
        -- expect: Dropping table public.audit_log deletes its data
        DROP TABLE audit_log, orders CASCADE;
        """);
  }

  @Test
  void allows_dropping_a_table_created_in_the_same_migrations() {
    tester.check("""
        CREATE TABLE scratch (id int);
        DROP TABLE scratch;
        """);
  }
}
