package io.migrationsafety.rules.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class ConcurrentIndexOnPartitionedTableTest {

  private final RuleTester tester = RuleTester.of(new ConcurrentIndexOnPartitionedTable()).transactional(false).schema("""
      CREATE TABLE events (id bigint, day date) PARTITION BY RANGE (day);
      CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
      CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
      CREATE TABLE plain (id bigint);
      """);

  @Test
  void flags_concurrent_index_on_a_partitioned_table() {
    tester.check("""
        -- expect: CREATE INDEX CONCURRENTLY on the partitioned table public.events fails
        CREATE INDEX CONCURRENTLY events_id_idx ON events (id);
        """);
  }

  @Test
  void allows_partitions_plain_tables_and_the_on_only_sequence() {
    tester.check("""
        CREATE INDEX CONCURRENTLY plain_id_idx ON plain (id);
        CREATE INDEX CONCURRENTLY events_2024_id_idx ON events_2024 (id);
        CREATE INDEX events_id_idx ON ONLY events (id);
        """);
  }

  @Test
  void suggests_an_index_per_partition_attached_to_one_on_only_the_parent() {
    String safe = tester.findings("CREATE INDEX CONCURRENTLY events_id_idx ON events (id);").get(0).suggestion();
    assertThat(safe).contains("CREATE INDEX events_id_idx ON ONLY events (id);")
        .contains("CREATE INDEX CONCURRENTLY events_2024_events_id_idx ON public.events_2024 (id);")
        .contains("ALTER INDEX events_id_idx ATTACH PARTITION events_2025_events_id_idx;");
    assertThat(SqlParser.parse(safe, "safe.sql").unrecognizedCount()).isZero();
  }
}
