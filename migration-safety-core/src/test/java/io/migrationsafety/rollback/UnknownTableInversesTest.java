package io.migrationsafety.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Without a known schema, statements whose inverse follows from the statement alone are still undone. */
class UnknownTableInversesTest {

  @Test
  void undoes_added_columns_named_indexes_and_constraints_and_renames_on_an_unknown_table() {
    Rolled rolled = Rolled.of("", """
        ALTER TABLE orders ADD COLUMN note text;
        CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);
        ALTER TABLE orders ADD CONSTRAINT orders_note_check CHECK (note <> '') NOT VALID;
        ALTER TABLE orders RENAME COLUMN total TO amount;
        ALTER TABLE orders RENAME TO purchases;
        """);
    assertThat(rolled.reasons()).isEmpty();
    assertThat(rolled.statements()).isEqualTo("""
        ALTER TABLE public.purchases RENAME TO orders;
        ALTER TABLE public.orders RENAME COLUMN amount TO total;
        ALTER TABLE public.orders DROP CONSTRAINT orders_note_check;
        DROP INDEX CONCURRENTLY public.orders_note_idx;
        ALTER TABLE public.orders DROP COLUMN note;""");
    assertThat(rolled.plan.outsideTransaction()).isTrue();
    assertThat(rolled.plan.check().restoresSchema()).as(rolled.plan.check().toString()).isTrue();
    assertThat(rolled.plan.sql()).contains("written from the statement alone");
  }

  @Test
  void keeps_irreversible_what_needs_the_former_state() {
    Rolled rolled = Rolled.of("", """
        ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text;
        CREATE INDEX ON orders (note);
        ALTER TABLE orders ADD PRIMARY KEY (id);
        ALTER TABLE orders ALTER COLUMN total TYPE numeric;
        ALTER TABLE orders ALTER COLUMN total SET DEFAULT 0;
        ALTER TABLE orders DROP COLUMN legacy;
        """);
    assertThat(rolled.reasons()).hasSize(6).allSatisfy(r -> assertThat(r).contains("would fail on the schema before it"));
  }
}
