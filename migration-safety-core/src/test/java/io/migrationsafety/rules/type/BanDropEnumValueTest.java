package io.migrationsafety.rules.type;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class BanDropEnumValueTest {

  private final RuleTester tester = RuleTester.of(new BanDropEnumValue()).schema("""
      CREATE TYPE status AS ENUM ('new', 'paid', 'legacy');
      CREATE TABLE orders (id bigint, status status);
      """);

  @Test
  void flags_a_recreated_enum_swapped_in_without_some_labels_and_pg_enum_edits() {
    tester.check("""
        ALTER TYPE status RENAME TO status_old;
        CREATE TYPE status AS ENUM ('new', 'paid');
        -- expect: drops the labels 'legacy'
        ALTER TABLE orders ALTER COLUMN status TYPE status USING status::text::status;
        -- expect: DELETE on pg_enum edits enum labels
        DELETE FROM pg_enum WHERE enumlabel = 'legacy';
        """);
  }

  @Test
  void allows_swaps_that_keep_every_label_and_the_check_that_retires_one() {
    tester.check("""
        CREATE TYPE status2 AS ENUM ('new', 'paid', 'legacy', 'refunded');
        ALTER TABLE orders ALTER COLUMN status TYPE status2 USING status::text::status2;
        """);
    tester.check("""
        ALTER TABLE orders ADD CONSTRAINT orders_status_allowed CHECK (status NOT IN ('legacy')) NOT VALID;
        ALTER TABLE orders VALIDATE CONSTRAINT orders_status_allowed;
        """);
  }

  @Test
  void suggests_a_check_that_retires_the_dropped_labels() {
    String safe = tester.findings("""
        CREATE TYPE status_v2 AS ENUM ('new', 'paid');
        ALTER TABLE orders ALTER COLUMN status TYPE status_v2 USING status::text::status_v2;
        """).get(0).suggestion();
    assertThat(safe).contains("ALTER TABLE orders ADD CONSTRAINT orders_status_allowed CHECK (status NOT IN ('legacy')) "
        + "NOT VALID;").contains("ALTER TABLE orders VALIDATE CONSTRAINT orders_status_allowed;");
  }
}
