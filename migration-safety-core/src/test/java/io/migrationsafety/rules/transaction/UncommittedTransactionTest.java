package io.migrationsafety.rules.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class UncommittedTransactionTest {

  @Test
  void flags_a_begin_left_open_at_its_line() {
    assertThat(RuleTester.of(new UncommittedTransaction()).findings("""
        CREATE TABLE a (id int);
        BEGIN;
        CREATE TABLE b (id int);
        """)).singleElement().satisfies(f -> {
          assertThat(f.line()).isEqualTo(2);
          assertThat(f.suggestion()).isEqualTo("COMMIT;");
        });
  }

  @Test
  void allows_committed_and_rolled_back_transactions() {
    assertThat(RuleTester.of(new UncommittedTransaction()).findings("""
        BEGIN;
        CREATE TABLE b (id int);
        COMMIT;
        BEGIN;
        CREATE TABLE c (id int);
        ROLLBACK;
        """)).isEmpty();
  }
}
