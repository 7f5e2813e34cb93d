package io.migrationsafety.rules.general;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class RequiresNewerPostgresTest {

  private final RuleTester tester = RuleTester.of(new RequiresNewerPostgres()).transactional(false).schema("""
      CREATE TABLE events (id bigint, day date) PARTITION BY RANGE (day);
      CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
      CREATE TABLE orders (id bigint PRIMARY KEY, code text, total int);
      """);

  @Test
  void flags_forms_the_target_version_does_not_have() {
    tester.postgresVersion(13).check("""
        -- expect: DETACH PARTITION … CONCURRENTLY/FINALIZE needs PostgreSQL 14; the target is 13
        ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY;
        -- expect: MERGE needs PostgreSQL 15
        MERGE INTO orders o USING events e ON o.id = e.id WHEN MATCHED THEN DO NOTHING;
        -- expect: NULLS NOT DISTINCT needs PostgreSQL 15
        CREATE UNIQUE INDEX orders_code_idx ON orders (code) NULLS NOT DISTINCT;
        """);
    tester.postgresVersion(17).check("""
        -- expect: a virtual generated column (GENERATED ALWAYS AS (…) without STORED) needs PostgreSQL 18
        ALTER TABLE orders ADD COLUMN double_total int GENERATED ALWAYS AS (total * 2);
        -- expect: ADD CONSTRAINT … NOT NULL needs PostgreSQL 18
        ALTER TABLE orders ADD CONSTRAINT orders_code_nn NOT NULL code NOT VALID;
        """);
  }

  @Test
  void allows_them_from_the_version_that_has_them() {
    tester.postgresVersion(18).check("""
        ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY;
        MERGE INTO orders o USING events e ON o.id = e.id WHEN MATCHED THEN DO NOTHING;
        ALTER TABLE orders ADD COLUMN double_total int GENERATED ALWAYS AS (total * 2);
        ALTER TABLE orders ADD CONSTRAINT orders_code_nn NOT NULL code NOT VALID;
        ALTER TABLE orders ADD COLUMN triple_total int GENERATED ALWAYS AS (total * 3) STORED;
        """);
  }

  @Test
  void suggests_the_form_the_older_version_has() {
    assertThat(tester.postgresVersion(13).findings("ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY;")
        .get(0).suggestion()).endsWith("ALTER TABLE events DETACH PARTITION events_2024;");
  }
}
