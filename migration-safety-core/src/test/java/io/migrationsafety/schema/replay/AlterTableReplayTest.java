package io.migrationsafety.schema.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.Persistence;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Table;
import org.junit.jupiter.api.Test;

class AlterTableReplayTest {

  private static final String USERS = """
      CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name text);
      CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users, total numeric CHECK (total >= 0));
      """;

  @Test
  void adds_a_column_with_its_constraints() {
    Replayed r = Replayed.sql(USERS).then("ALTER TABLE users ADD COLUMN code text UNIQUE CHECK (code <> '');");
    assertThat(r.problems()).isEmpty();
    assertThat(r.columnNames("users")).containsExactly("id", "email", "name", "code");
    assertThat(r.constraintNames("users")).containsExactly("users_pkey", "users_code_check", "users_code_key");
    assertThat(r.indexNames()).contains("users_code_key");
  }

  @Test
  void adding_a_column_that_exists_is_a_problem() {
    Replayed r = Replayed.sql(USERS).then("ALTER TABLE users ADD COLUMN email text;");
    assertThat(r.problems()).containsExactly("column \"email\" of table public.users already exists");
  }

  @Test
  void add_column_if_not_exists_is_a_notice() {
    Replayed r = Replayed.sql(USERS).then("ALTER TABLE users ADD COLUMN IF NOT EXISTS email int;");
    assertThat(r.problems()).isEmpty();
    assertThat(r.table("users").column("email").orElseThrow().type().name()).isEqualTo("text");
  }

  @Test
  void adding_a_serial_column_creates_its_sequence() {
    Replayed r = Replayed.sql(USERS).then("ALTER TABLE users ADD COLUMN seq serial;");
    assertThat(r.schema().sequences().get(QualifiedName.of("public", "users_seq_seq")).ownedBy())
        .isEqualTo("public.users.seq");
  }

  @Test
  void altering_a_missing_column_is_a_problem() {
    Replayed r = Replayed.sql(USERS).then("ALTER TABLE users ALTER COLUMN phone SET NOT NULL;");
    assertThat(r.problems()).containsExactly("column \"phone\" of table public.users does not exist");
  }

  @Test
  void altering_a_missing_table_is_a_problem_unless_if_exists() {
    Replayed r = Replayed.sql("""
        ALTER TABLE ghosts ADD COLUMN x int;
        ALTER TABLE IF EXISTS ghosts ADD COLUMN x int;
        """);
    assertThat(r.steps().get(0).problems()).containsExactly("table public.ghosts does not exist");
    assertThat(r.steps().get(1).problems()).isEmpty();
  }

  @Test
  void dropping_a_column_drops_the_indexes_and_constraints_that_use_it() {
    Replayed r = Replayed.sql(USERS).then("""
        CREATE INDEX users_email_name_idx ON users (email, name);
        CREATE INDEX users_lower_idx ON users (lower(name));
        CREATE INDEX users_partial_idx ON users (id) WHERE name IS NOT NULL;
        ALTER TABLE users ADD CONSTRAINT users_email_name_key UNIQUE (email, name);
        ALTER TABLE users DROP COLUMN name;
        """);
    assertThat(r.problems()).isEmpty();
    assertThat(r.columnNames("users")).containsExactly("id", "email");
    assertThat(r.constraintNames("users")).containsExactly("users_pkey");
    assertThat(r.indexNames()).containsExactlyInAnyOrder("users_pkey", "orders_pkey");
  }

  @Test
  void dropping_a_column_another_table_references_needs_cascade() {
    Replayed r = Replayed.sql(USERS).then("ALTER TABLE users DROP COLUMN id;");
    assertThat(r.problems()).containsExactly("cannot drop column \"id\" of table public.users because constraint "
        + "\"orders_user_id_fkey\" on table public.orders depends on it (use CASCADE to drop it too)");
    Replayed cascade = Replayed.sql(USERS).then("ALTER TABLE users DROP COLUMN id CASCADE;");
    assertThat(cascade.problems()).isEmpty();
    assertThat(cascade.constraintNames("orders")).containsExactlyInAnyOrder("orders_pkey", "orders_total_check");
    assertThat(cascade.constraintNames("users")).isEmpty();
  }

  @Test
  void dropping_a_serial_column_drops_its_sequence() {
    Replayed r = Replayed.sql("CREATE TABLE t (id serial, x int); ALTER TABLE t DROP COLUMN id;");
    assertThat(r.schema().sequences()).isEmpty();
  }

  @Test
  void dropping_a_missing_column_if_exists_is_a_notice() {
    Replayed r = Replayed.sql(USERS).then("""
        ALTER TABLE users DROP COLUMN IF EXISTS phone;
        ALTER TABLE users DROP COLUMN phone;
        """);
    assertThat(r.steps().get(0).problems()).isEmpty();
    assertThat(r.steps().get(1).problems()).containsExactly("column \"phone\" of table public.users does not exist");
  }

  @Test
  void renaming_a_column_renames_it_in_constraints_indexes_and_references() {
    Replayed r = Replayed.sql(USERS).then("""
        CREATE INDEX users_lower_email_idx ON users (lower(email)) WHERE email <> '';
        ALTER TABLE orders RENAME COLUMN total TO amount;
        ALTER TABLE users RENAME COLUMN id TO user_id;
        """);
    assertThat(r.problems()).isEmpty();
    assertThat(r.constraint("users", "users_pkey").columns()).containsExactly("user_id");
    assertThat(r.index("users_pkey").elements().get(0).column()).isEqualTo("user_id");
    assertThat(r.constraint("orders", "orders_user_id_fkey").referencedColumns()).containsExactly("user_id");
    assertThat(r.constraint("orders", "orders_total_check").expression()).isEqualTo("amount >= 0");
    assertThat(r.constraint("orders", "orders_total_check").columns()).containsExactly("amount");
    Replayed email = r.then("ALTER TABLE users RENAME email TO mail;");
    assertThat(email.index("users_lower_email_idx").elements().get(0).expression().sql()).isEqualTo("lower(mail)");
    assertThat(email.index("users_lower_email_idx").predicate().sql()).isEqualTo("mail <> ''");
  }

  @Test
  void renaming_to_an_existing_column_is_a_problem() {
    Replayed r = Replayed.sql(USERS).then("ALTER TABLE users RENAME COLUMN name TO email;");
    assertThat(r.problems()).containsExactly("column \"email\" of table public.users already exists");
  }

  @Test
  void changes_type_default_and_nullability() {
    Replayed r = Replayed.sql(USERS).then("""
        ALTER TABLE users ALTER COLUMN name TYPE varchar(100), ALTER COLUMN name SET DEFAULT 'anon',
            ALTER COLUMN name SET NOT NULL;
        ALTER TABLE users ALTER COLUMN email DROP NOT NULL, ALTER COLUMN email SET DEFAULT 'x';
        ALTER TABLE users ALTER COLUMN email DROP DEFAULT;
        """);
    assertThat(r.problems()).isEmpty();
    var name = r.table("users").column("name").orElseThrow();
    assertThat(name.type().sql()).isEqualTo("character varying(100)");
    assertThat(name.defaultValue().sql()).isEqualTo("'anon'");
    assertThat(name.notNull()).isTrue();
    var email = r.table("users").column("email").orElseThrow();
    assertThat(email.notNull()).isFalse();
    assertThat(email.defaultValue()).isNull();
  }

  @Test
  void a_primary_key_column_keeps_not_null() {
    Replayed r = Replayed.sql(USERS).then("ALTER TABLE users ALTER COLUMN id DROP NOT NULL;");
    assertThat(r.problems()).containsExactly("column \"id\" of table public.users is in a primary key and must stay NOT NULL");
  }

  @Test
  void identity_can_be_added_altered_and_dropped() {
    Replayed r = Replayed.sql(USERS).then("""
        ALTER TABLE users ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY;
        ALTER TABLE users ALTER COLUMN id SET GENERATED ALWAYS;
        """);
    assertThat(r.problems()).isEmpty();
    assertThat(r.table("users").column("id").orElseThrow().identity().always()).isTrue();
    assertThat(r.schema().sequences()).containsKey(QualifiedName.of("public", "users_id_seq"));
    Replayed dropped = r.then("ALTER TABLE users ALTER COLUMN id DROP IDENTITY;");
    assertThat(dropped.table("users").column("id").orElseThrow().identity()).isNull();
    assertThat(dropped.table("users").column("id").orElseThrow().notNull()).isTrue();
    assertThat(dropped.schema().sequences()).isEmpty();
    assertThat(dropped.then("ALTER TABLE users ALTER COLUMN id DROP IDENTITY IF EXISTS;").problems()).isEmpty();
    assertThat(Replayed.sql(USERS).then("ALTER TABLE users ALTER COLUMN name ADD GENERATED ALWAYS AS IDENTITY;")
        .problems()).containsExactly("column \"name\" of table public.users must be NOT NULL before identity can be added");
  }

  @Test
  void not_valid_constraints_are_invalid_until_validated() {
    Replayed r = Replayed.sql(USERS).then("""
        ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0) NOT VALID;
        ALTER TABLE orders ADD FOREIGN KEY (id) REFERENCES users (id) NOT VALID;
        """);
    assertThat(r.constraint("orders", "orders_total_positive").valid()).isFalse();
    assertThat(r.constraint("orders", "orders_id_fkey").valid()).isFalse();
    Replayed validated = r.then("ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;");
    assertThat(validated.constraint("orders", "orders_total_positive").valid()).isTrue();
  }

  @Test
  void unique_using_index_takes_over_and_renames_the_index() {
    Replayed r = Replayed.sql(USERS).then("""
        CREATE UNIQUE INDEX CONCURRENTLY users_email_tmp ON users (email);
        ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_tmp;
        """);
    assertThat(r.problems()).isEmpty();
    assertThat(r.indexNames()).contains("users_email_key").doesNotContain("users_email_tmp");
    assertThat(r.constraint("users", "users_email_key").index()).isEqualTo("users_email_key");
    assertThat(r.constraint("users", "users_email_key").columns()).containsExactly("email");
  }

  @Test
  void primary_key_using_index_sets_not_null() {
    Replayed r = Replayed.sql("""
        CREATE TABLE t (a int, b int);
        CREATE UNIQUE INDEX t_a_idx ON t (a);
        ALTER TABLE t ADD PRIMARY KEY USING INDEX t_a_idx;
        """);
    assertThat(r.problems()).isEmpty();
    assertThat(r.constraint("t", "t_a_idx").kind()).isEqualTo(ConstraintKind.PRIMARY_KEY);
    assertThat(r.table("t").column("a").orElseThrow().notNull()).isTrue();
  }

  @Test
  void a_second_primary_key_is_a_problem() {
    Replayed r = Replayed.sql(USERS).then("ALTER TABLE users ADD PRIMARY KEY (email);");
    assertThat(r.problems()).containsExactly("table public.users already has a primary key");
  }

  @Test
  void a_foreign_key_needs_a_unique_key_on_the_referenced_columns() {
    Replayed r = Replayed.sql(USERS).then("ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users (name);");
    assertThat(r.problems()).containsExactly(
        "no unique constraint of table public.users matches the referenced columns (name)");
  }

  @Test
  void dropping_a_constraint_drops_its_index_and_needs_cascade_for_foreign_keys() {
    Replayed blocked = Replayed.sql(USERS).then("ALTER TABLE users DROP CONSTRAINT users_pkey;");
    assertThat(blocked.problems()).containsExactly("cannot drop constraint \"users_pkey\" of table public.users because "
        + "constraint \"orders_user_id_fkey\" on table public.orders depends on it (use CASCADE to drop it too)");
    Replayed r = Replayed.sql(USERS).then("ALTER TABLE users DROP CONSTRAINT users_pkey CASCADE;");
    assertThat(r.constraintNames("users")).isEmpty();
    assertThat(r.indexNames()).doesNotContain("users_pkey");
    assertThat(r.constraintNames("orders")).doesNotContain("orders_user_id_fkey");
    assertThat(Replayed.sql(USERS).then("ALTER TABLE users DROP CONSTRAINT IF EXISTS nope;").problems()).isEmpty();
    assertThat(Replayed.sql(USERS).then("ALTER TABLE users DROP CONSTRAINT nope;").problems())
        .containsExactly("constraint \"nope\" of table public.users does not exist");
  }

  @Test
  void renaming_a_key_constraint_renames_its_index() {
    Replayed r = Replayed.sql(USERS).then("ALTER TABLE users RENAME CONSTRAINT users_pkey TO users_pk;");
    assertThat(r.constraint("users", "users_pk").index()).isEqualTo("users_pk");
    assertThat(r.indexNames()).contains("users_pk").doesNotContain("users_pkey");
  }

  @Test
  void alter_constraint_changes_deferrability_of_a_foreign_key() {
    Replayed r = Replayed.sql(USERS).then(
        "ALTER TABLE orders ALTER CONSTRAINT orders_user_id_fkey DEFERRABLE INITIALLY DEFERRED;");
    assertThat(r.constraint("orders", "orders_user_id_fkey").deferrable()).isTrue();
    assertThat(r.constraint("orders", "orders_user_id_fkey").initiallyDeferred()).isTrue();
  }

  @Test
  void attach_and_detach_partition() {
    Replayed r = Replayed.sql("""
        CREATE TABLE m (city int NOT NULL, day date NOT NULL, PRIMARY KEY (city, day)) PARTITION BY RANGE (day);
        CREATE TABLE m_2025 (city int NOT NULL, day date NOT NULL);
        ALTER TABLE m ATTACH PARTITION m_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
        """);
    assertThat(r.problems()).isEmpty();
    assertThat(r.table("m_2025").partitionOf()).isEqualTo(QualifiedName.of("public", "m"));
    assertThat(r.constraintNames("m_2025")).containsExactly("m_2025_pkey");
    Replayed detached = r.then("ALTER TABLE m DETACH PARTITION m_2025;");
    assertThat(detached.table("m_2025").partitionOf()).isNull();
    assertThat(detached.then("ALTER TABLE m DETACH PARTITION m_2025;").problems())
        .containsExactly("table public.m_2025 is not a partition of table public.m");
  }

  @Test
  void columns_added_to_a_partitioned_table_reach_its_partitions() {
    Replayed r = Replayed.sql("""
        CREATE TABLE m (day date NOT NULL) PARTITION BY RANGE (day);
        CREATE TABLE m_1 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        ALTER TABLE m ADD COLUMN v int CHECK (v > 0);
        ALTER TABLE m ALTER COLUMN v SET NOT NULL;
        ALTER TABLE m RENAME COLUMN v TO w;
        """);
    assertThat(r.problems()).isEmpty();
    assertThat(r.columnNames("m_1")).containsExactly("day", "w");
    assertThat(r.table("m_1").column("w").orElseThrow().notNull()).isTrue();
    assertThat(r.constraintNames("m_1")).containsExactly("m_v_check");
  }

  @Test
  void set_logged_and_unlogged_change_persistence() {
    Replayed r = Replayed.sql("CREATE TABLE t (id int); ALTER TABLE t SET UNLOGGED;");
    assertThat(r.table("t").persistence()).isEqualTo(Persistence.UNLOGGED);
    assertThat(r.then("ALTER TABLE t SET LOGGED;").table("t").persistence()).isEqualTo(Persistence.PERMANENT);
  }

  @Test
  void settings_the_model_does_not_hold_need_the_table() {
    Replayed r = Replayed.sql(USERS).then("""
        ALTER TABLE users ENABLE ROW LEVEL SECURITY;
        ALTER TABLE users SET (fillfactor = 70);
        ALTER TABLE users DISABLE TRIGGER ALL;
        ALTER TABLE ghosts ENABLE ROW LEVEL SECURITY;
        ALTER TABLE users CLUSTER ON nope;
        """);
    assertThat(r.problems()).containsExactly("table public.ghosts does not exist",
        "index public.nope of table public.users does not exist");
  }

  @Test
  void altering_a_table_keeps_its_size() {
    Schema start = Replayed.sql(USERS).schema();
    Table users = start.tables().get(QualifiedName.of("public", "users"));
    start = start.withTable(users.withSize(5_000_000L, 1L << 30));
    Replayed r = Replayed.on(start, """
        ALTER TABLE users ADD COLUMN x int;
        ALTER TABLE users RENAME TO members;
        """);
    assertThat(r.table("members").rowEstimate()).isEqualTo(5_000_000L);
    assertThat(r.table("members").sizeBytes()).isEqualTo(1L << 30);
  }
}
