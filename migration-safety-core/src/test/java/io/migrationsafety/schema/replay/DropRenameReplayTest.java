package io.migrationsafety.schema.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.CreateSequence;
import io.migrationsafety.operation.CreateView;
import io.migrationsafety.operation.Drop;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Rename;
import io.migrationsafety.operation.SetSchema;
import io.migrationsafety.schema.Schema;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropRenameReplayTest {

  private static final String SHOP = """
      CREATE TABLE customers (id serial PRIMARY KEY, email text UNIQUE);
      CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers);
      CREATE INDEX orders_customer_idx ON orders (customer_id);
      """;

  private static Drop drop(ObjectType type, boolean ifExists, boolean cascade, String... names) {
    return new Drop(type, Arrays.stream(names).map(QualifiedName::of).toList(), ifExists, cascade, false, null);
  }

  @Test
  void dropping_a_table_drops_its_indexes_and_owned_sequences() {
    Replayed r = Replayed.sql(SHOP).then(drop(ObjectType.TABLE, false, false, "orders"));
    assertThat(r.problems()).isEmpty();
    assertThat(r.schema().tables()).containsOnlyKeys(QualifiedName.of("public", "customers"));
    assertThat(r.indexNames()).containsExactlyInAnyOrder("customers_pkey", "customers_email_key");
    Replayed both = Replayed.sql(SHOP).then(drop(ObjectType.TABLE, false, false, "orders", "customers"));
    assertThat(both.problems()).isEmpty();
    assertThat(both.schema().indexes()).isEmpty();
    assertThat(both.schema().sequences()).isEmpty();
  }

  @Test
  void dropping_a_referenced_table_needs_cascade() {
    Replayed r = Replayed.sql(SHOP).then(drop(ObjectType.TABLE, false, false, "customers"));
    assertThat(r.problems()).containsExactly("cannot drop table public.customers because constraint "
        + "\"orders_customer_id_fkey\" on table public.orders depends on it (use CASCADE to drop it too)");
    assertThat(r.schema()).isEqualTo(Replayed.sql(SHOP).schema());
    Replayed cascade = Replayed.sql(SHOP).then(drop(ObjectType.TABLE, false, true, "customers"));
    assertThat(cascade.problems()).isEmpty();
    assertThat(cascade.constraintNames("orders")).containsExactly("orders_pkey");
  }

  @Test
  void dropping_a_missing_table_is_a_problem_unless_if_exists() {
    assertThat(Replayed.sql(SHOP).then(drop(ObjectType.TABLE, false, false, "ghosts")).problems())
        .containsExactly("table public.ghosts does not exist");
    Replayed r = Replayed.sql(SHOP).then(drop(ObjectType.TABLE, true, false, "ghosts", "orders"));
    assertThat(r.problems()).isEmpty();
    assertThat(r.schema().tables()).doesNotContainKey(QualifiedName.of("public", "orders"));
  }

  @Test
  void drop_table_on_a_view_names_what_it_is() {
    Replayed r = Replayed.sql(SHOP).then(
        new CreateView(QualifiedName.of("v"), false, false, false, List.of(), "SELECT 1", true),
        drop(ObjectType.TABLE, false, false, "v"));
    assertThat(r.lastProblems()).containsExactly("public.v is a view, not a table");
  }

  @Test
  void dropping_a_partitioned_table_drops_its_partitions() {
    Replayed r = Replayed.sql("""
        CREATE TABLE m (day date NOT NULL) PARTITION BY RANGE (day);
        CREATE TABLE m_1 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        CREATE INDEX ON m (day);
        """).then(drop(ObjectType.TABLE, false, false, "m"));
    assertThat(r.schema().tables()).isEmpty();
    assertThat(r.schema().indexes()).isEmpty();
  }

  @Test
  void dropping_an_index_that_backs_a_constraint_is_refused() {
    Replayed r = Replayed.sql(SHOP).then(drop(ObjectType.INDEX, false, false, "customers_email_key"));
    assertThat(r.problems()).containsExactly("cannot drop index public.customers_email_key because constraint "
        + "\"customers_email_key\" on table public.customers requires it (drop the constraint instead)");
    Replayed ok = Replayed.sql(SHOP).then(drop(ObjectType.INDEX, false, false, "orders_customer_idx"));
    assertThat(ok.problems()).isEmpty();
    assertThat(ok.indexNames()).doesNotContain("orders_customer_idx");
  }

  @Test
  void dropping_a_serial_sequence_needs_cascade_and_then_drops_the_default() {
    Replayed r = Replayed.sql(SHOP).then(drop(ObjectType.SEQUENCE, false, false, "customers_id_seq"));
    assertThat(r.problems()).containsExactly("cannot drop sequence public.customers_id_seq because the default of "
        + "column \"id\" of table public.customers uses it (use CASCADE)");
    Replayed cascade = Replayed.sql(SHOP).then(drop(ObjectType.SEQUENCE, false, true, "customers_id_seq"));
    assertThat(cascade.table("customers").column("id").orElseThrow().defaultValue()).isNull();
    assertThat(cascade.schema().sequences()).isEmpty();
  }

  @Test
  void dropping_a_type_in_use_needs_cascade_which_drops_the_columns() {
    String sql = "CREATE TYPE mood AS ENUM ('sad', 'happy'); CREATE TABLE p (id int, m mood, ms mood[]);";
    Replayed blocked = Replayed.sql(sql).then(drop(ObjectType.TYPE, false, false, "mood"));
    assertThat(blocked.problems()).containsExactly("cannot drop type public.mood because column \"m\" of table "
        + "public.p uses it (use CASCADE to drop the column too)");
    Replayed cascade = Replayed.sql(sql).then(drop(ObjectType.TYPE, false, true, "mood"));
    assertThat(cascade.columnNames("p")).containsExactly("id");
    assertThat(cascade.schema().types()).isEmpty();
  }

  @Test
  void dropping_a_schema_needs_it_empty_or_cascade() {
    String sql = "CREATE TABLE app.t (id int PRIMARY KEY); CREATE TABLE public.r (t_id int REFERENCES app.t);";
    Schema start = Schema.empty().withSchema("app", true);
    Replayed blocked = Replayed.on(start, sql).then(drop(ObjectType.SCHEMA, false, false, "app"));
    assertThat(blocked.problems()).containsExactly("cannot drop schema \"app\" because it is not empty (use CASCADE)");
    Replayed cascade = Replayed.on(start, sql).then(drop(ObjectType.SCHEMA, false, true, "app"));
    assertThat(cascade.problems()).isEmpty();
    assertThat(cascade.schema().schemas()).containsExactly("public");
    assertThat(cascade.schema().tables()).containsOnlyKeys(QualifiedName.of("public", "r"));
    assertThat(cascade.constraintNames("r")).isEmpty();
  }

  @Test
  void drops_of_objects_outside_the_model_change_nothing() {
    Schema shop = Replayed.sql(SHOP).schema();
    Replayed r = Replayed.operations(shop, drop(ObjectType.FUNCTION, false, false, "f"),
        new Drop(ObjectType.TRIGGER, List.of(QualifiedName.of("trg")), false, false, false,
            QualifiedName.of("orders")));
    assertThat(r.problems()).isEmpty();
    assertThat(r.schema()).isSameAs(shop);
  }

  @Test
  void renaming_a_table_keeps_its_indexes_and_moves_references() {
    Replayed r = Replayed.sql(SHOP + "ALTER TABLE customers RENAME TO clients;");
    assertThat(r.problems()).isEmpty();
    assertThat(r.constraint("orders", "orders_customer_id_fkey").referencedTable())
        .isEqualTo(QualifiedName.of("public", "clients"));
    assertThat(r.index("customers_pkey").table()).isEqualTo(QualifiedName.of("public", "clients"));
    assertThat(r.schema().sequences().get(QualifiedName.of("public", "customers_id_seq")).ownedBy())
        .isEqualTo("public.clients.id");
    assertThat(Replayed.sql(SHOP + "ALTER TABLE customers RENAME TO orders;").lastProblems())
        .containsExactly("table public.orders already exists");
    assertThat(Replayed.sql(SHOP + "ALTER TABLE IF EXISTS ghosts RENAME TO spirits;").problems()).isEmpty();
  }

  @Test
  void renaming_an_index_renames_the_constraint_it_backs() {
    Replayed r = Replayed.sql(SHOP + "ALTER INDEX customers_email_key RENAME TO customers_email_uq;");
    assertThat(r.problems()).isEmpty();
    assertThat(r.constraint("customers", "customers_email_uq").index()).isEqualTo("customers_email_uq");
    assertThat(Replayed.sql(SHOP + "ALTER INDEX nope RENAME TO other;").problems())
        .containsExactly("index public.nope does not exist");
  }

  @Test
  void renaming_a_sequence_updates_the_default_that_uses_it() {
    Replayed r = Replayed.sql(SHOP).then(new Rename(ObjectType.SEQUENCE, QualifiedName.of("customers_id_seq"),
        "customer_ids", false));
    assertThat(r.table("customers").column("id").orElseThrow().defaultValue().sql())
        .isEqualTo("nextval('customer_ids'::regclass)");
  }

  @Test
  void renaming_a_type_follows_into_columns() {
    Replayed r = Replayed.sql("""
        CREATE TYPE mood AS ENUM ('sad');
        CREATE TABLE p (m mood[]);
        ALTER TYPE mood RENAME TO feeling;
        """);
    assertThat(r.problems()).isEmpty();
    assertThat(r.table("p").column("m").orElseThrow().type().sql()).isEqualTo("feeling[]");
    assertThat(r.schema().types()).containsOnlyKeys(QualifiedName.of("public", "feeling"));
  }

  @Test
  void set_schema_moves_a_table_with_its_indexes_and_sequences() {
    Schema start = Schema.empty().withSchema("archive", true);
    Replayed r = Replayed.on(start, SHOP + "ALTER TABLE customers SET SCHEMA archive;");
    assertThat(r.problems()).isEmpty();
    assertThat(r.schema().indexes()).containsKeys(QualifiedName.of("archive", "customers_pkey"));
    assertThat(r.schema().sequences()).containsKey(QualifiedName.of("archive", "customers_id_seq"));
    assertThat(r.constraint("orders", "orders_customer_id_fkey").referencedTable())
        .isEqualTo(QualifiedName.of("archive", "customers"));
    assertThat(Replayed.sql(SHOP + "ALTER TABLE customers SET SCHEMA nowhere;").lastProblems())
        .containsExactly("schema \"nowhere\" does not exist");
    assertThat(Replayed.sql(SHOP).then(new SetSchema(ObjectType.INDEX, QualifiedName.of("orders_customer_idx"),
        "public")).problems()).hasSize(1);
  }

  @Test
  void renaming_a_schema_moves_everything_in_it() {
    Schema start = Schema.empty().withSchema("app", true);
    Replayed r = Replayed.on(start, """
        CREATE TABLE app.t (id serial PRIMARY KEY);
        CREATE TABLE public.r (t_id int REFERENCES app.t);
        """).then(new Rename(ObjectType.SCHEMA, QualifiedName.of("app"), "core", false),
        new CreateSequence(QualifiedName.of("core", "other"), false, "", null));
    assertThat(r.problems()).isEmpty();
    assertThat(r.schema().schemas()).containsExactly("core", "public");
    assertThat(r.schema().tables()).containsKey(QualifiedName.of("core", "t"));
    assertThat(r.schema().indexes()).containsOnlyKeys(QualifiedName.of("core", "t_pkey"));
    assertThat(r.constraint("r", "r_t_id_fkey").referencedTable()).isEqualTo(QualifiedName.of("core", "t"));
  }
}
