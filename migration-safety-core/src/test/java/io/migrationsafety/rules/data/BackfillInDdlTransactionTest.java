package io.migrationsafety.rules.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rule.Finding;
import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class BackfillInDdlTransactionTest {

  private final RuleTester tester = RuleTester.of(new BackfillInDdlTransaction()).schema("""
      CREATE TABLE orders (id bigint PRIMARY KEY, total int, status text);
      CREATE TABLE archive (id bigint, total int);
      CREATE TABLE small (id bigint, flag boolean);
      """).tableRows("public.small", 10);

  @Test
  void flags_backfills_after_access_exclusive_ddl_in_the_same_transaction() {
    tester.check("""
        ALTER TABLE orders ADD COLUMN archived boolean;
        -- expect: UPDATE on public.orders runs while this transaction still holds ACCESS EXCLUSIVE
        UPDATE orders SET archived = false;
        -- expect: DELETE on public.orders
        DELETE FROM orders WHERE status IS NULL;
        ALTER TABLE archive ADD COLUMN note text;
        -- expect: INSERT … SELECT on public.archive
        INSERT INTO archive (id, total) SELECT id, total FROM orders;
        """);
  }

  @Test
  void allows_backfills_without_earlier_access_exclusive_or_after_a_commit() {
    tester.transactional(false).check("""
        UPDATE orders SET status = 'new';
        ALTER TABLE orders ADD COLUMN archived boolean;
        UPDATE orders SET archived = false;
        BEGIN;
        ALTER TABLE archive ADD COLUMN note text;
        COMMIT;
        INSERT INTO archive (id, total) SELECT id, total FROM orders;
        BEGIN;
        CREATE INDEX orders_status_idx ON orders (status);
        UPDATE orders SET status = 'x';
        COMMIT;
        """);
  }

  @Test
  void allows_bounded_changes_constant_inserts_small_and_new_tables() {
    tester.check("""
        ALTER TABLE orders ADD COLUMN archived boolean;
        UPDATE orders SET archived = true WHERE id = 5;
        UPDATE orders SET archived = true WHERE id BETWEEN 1 AND 1000;
        INSERT INTO orders (id, total) VALUES (1, 2);
        ALTER TABLE small ADD COLUMN note text;
        UPDATE small SET note = '';
        CREATE TABLE fresh (id int);
        ALTER TABLE fresh ADD COLUMN v int;
        UPDATE fresh SET v = 1;
        """);
  }

  @Test
  void names_the_earlier_lock_and_suggests_committing_first() {
    Finding f = tester.findings("""
        ALTER TABLE orders ADD COLUMN archived boolean;
        UPDATE orders SET archived = false;
        """).get(0);

    assertThat(f.why()).contains("ACCESS EXCLUSIVE");
    assertThat(f.suggestion()).contains("end the migration after the DDL")
        .contains("UPDATE orders SET archived = false WHERE id >= batch_start AND id < batch_start + 10000;");
  }
}
