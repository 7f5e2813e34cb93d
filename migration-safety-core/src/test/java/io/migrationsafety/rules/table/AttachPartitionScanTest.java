package io.migrationsafety.rules.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class AttachPartitionScanTest {

  private final RuleTester tester = RuleTester.of(new AttachPartitionScan()).schema("""
      CREATE TABLE events (id bigint, day date) PARTITION BY RANGE (day);
      CREATE TABLE events_2025 (id bigint, day date);
      CREATE TABLE events_2026 (id bigint, day date,
          CONSTRAINT events_2026_bound CHECK (day IS NOT NULL AND day >= '2026-01-01' AND day < '2027-01-01'));
      """);

  @Test
  void flags_attaching_a_large_table_without_a_matching_check() {
    tester.check("""
        -- expect: ATTACH PARTITION scans all of public.events_2025 under ACCESS EXCLUSIVE
        ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
        """);
  }

  @Test
  void allows_a_partition_whose_valid_check_states_the_bound_and_new_or_small_tables() {
    tester.check("""
        ALTER TABLE events ATTACH PARTITION events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
        CREATE TABLE events_2027 (id bigint, day date);
        ALTER TABLE events ATTACH PARTITION events_2027 FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
        """);
    tester.tableRows("public.events_2025", 50)
        .check("ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');");
  }

  @Test
  void its_safe_alternative_adds_the_check_that_spares_the_scan() {
    String safe = tester.findings(
        "ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');")
        .get(0).suggestion();
    assertThat(safe).startsWith("ALTER TABLE events_2025 ADD CONSTRAINT events_2025_bound CHECK (day IS NOT NULL AND "
        + "day >= '2025-01-01' AND day < '2026-01-01') NOT VALID;");
    // The suggestion as written does not trigger the rule: validated, the CHECK proves the bound.
    tester.transactional(false).check(safe.lines().filter(l -> !l.startsWith("ALTER TABLE events_2025 DROP"))
        .reduce("", (a, b) -> a + b + "\n"));
  }
}
