package io.migrationsafety.rules.table;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class RequireConcurrentDetachTest {

  private final RuleTester tester = RuleTester.of(new RequireConcurrentDetach()).schema("""
      CREATE TABLE events (id bigint, day date) PARTITION BY RANGE (day);
      CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
      """);

  @Test
  void flags_a_plain_detach_from_postgresql_14() {
    tester.check("""
        -- expect: DETACH PARTITION public.events_2024 takes ACCESS EXCLUSIVE on public.events
        ALTER TABLE events DETACH PARTITION events_2024;
        """);
  }

  @Test
  void allows_the_concurrent_detach_its_finalize_and_servers_without_it() {
    tester.transactional(false).check("""
        ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY;
        ALTER TABLE events DETACH PARTITION events_2024 FINALIZE;
        """);
    tester.postgresVersion(13).check("ALTER TABLE events DETACH PARTITION events_2024;");
  }
}
