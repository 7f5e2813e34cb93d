package io.migrationsafety.rules.type;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class BanRenameEnumValueTest {

  private final RuleTester tester = RuleTester.of(new BanRenameEnumValue())
      .schema("""
          CREATE TYPE order_status AS ENUM ('open', 'paid');
          CREATE TABLE orders (id bigint PRIMARY KEY, status order_status NOT NULL DEFAULT 'open');
          """);

  @Test
  void flags_renaming_a_label_of_an_existing_type() {
    tester.check("""
        -- expect: Renaming 'paid' of public.order_status to 'settled' breaks running code that writes 'paid'
        ALTER TYPE order_status RENAME VALUE 'paid' TO 'settled';
        """);
  }

  @Test
  void flags_renaming_a_label_of_a_type_the_schema_does_not_know() {
    RuleTester.of(new BanRenameEnumValue()).check("""
        -- expect: Renaming 'sad' of public.mood
        ALTER TYPE mood RENAME VALUE 'sad' TO 'unhappy';
        """);
  }

  @Test
  void allows_renaming_labels_the_migrations_introduced() {
    tester.check("""
        CREATE TYPE mood AS ENUM ('sad', 'happy');
        ALTER TYPE mood RENAME VALUE 'sad' TO 'unhappy';
        ALTER TYPE order_status ADD VALUE 'refunded';
        ALTER TYPE order_status RENAME VALUE 'refunded' TO 'returned';
        """);
  }

  @Test
  void suggests_adding_the_new_label_and_moving_the_rows() {
    String s = tester.findings("ALTER TYPE order_status RENAME VALUE 'paid' TO 'settled';").get(0).suggestion();

    assertThat(s).startsWith("ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'settled' AFTER 'paid';")
        .contains("UPDATE public.orders SET status = 'settled' WHERE status = 'paid';");
    assertThat(SqlParser.parse(s, "s.sql").unrecognizedCount()).isZero();
    tester.check(s);
  }
}
