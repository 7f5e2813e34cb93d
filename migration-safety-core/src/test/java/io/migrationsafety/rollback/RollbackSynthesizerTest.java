package io.migrationsafety.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * One case per operation kind: the forward SQL, the rollback expected, and the static round trip
 * (forward then rollback replays to the schema before).
 */
class RollbackSynthesizerTest {

  private static final String SCHEMA = """
      CREATE TABLE t (
        id bigserial PRIMARY KEY,
        email text NOT NULL DEFAULT '' COLLATE "C",
        n int CHECK (n > 0),
        r int REFERENCES t (id) ON DELETE CASCADE,
        s smallint GENERATED ALWAYS AS IDENTITY (START WITH 5));
      CREATE UNIQUE INDEX t_email ON t USING btree (lower(email) text_pattern_ops DESC NULLS LAST)
        INCLUDE (n) WHERE n > 1;
      CREATE TYPE mood AS ENUM ('a', 'b');
      CREATE VIEW v AS SELECT id FROM t;
      CREATE TABLE u (id serial, m mood);
      """;

  private static Rolled reversible(String forward, String expected) {
    Rolled rolled = Rolled.of(SCHEMA, forward);
    assertThat(rolled.statements()).isEqualTo(expected.strip());
    assertThat(rolled.plan.reversible()).as("reversible").isTrue();
    assertThat(rolled.plan.check().differences()).isEmpty();
    assertThat(rolled.plan.check().problems()).isEmpty();
    return rolled;
  }

  @Test
  void create_table_is_dropped() {
    Rolled rolled = Rolled.of("", SCHEMA);
    assertThat(rolled.statements()).isEqualTo("""
        DROP TABLE public.u;
        DROP VIEW public.v;
        DROP TYPE public.mood;
        DROP INDEX public.t_email;
        DROP TABLE public.t;""");
    assertThat(rolled.plan.check().restoresSchema()).isTrue();
  }

  @Test
  void add_column_is_dropped() {
    reversible("ALTER TABLE t ADD COLUMN x text;", "ALTER TABLE public.t DROP COLUMN x;");
  }

  @Test
  void dropped_column_comes_back_with_type_default_collation_and_index_but_not_its_data() {
    Rolled rolled = reversible("ALTER TABLE t DROP COLUMN email;", """
        ALTER TABLE public.t ADD COLUMN email text COLLATE "C" DEFAULT '' NOT NULL;
        CREATE UNIQUE INDEX t_email ON public.t USING btree ((lower(email)) text_pattern_ops DESC NULLS LAST) \
        INCLUDE (n) WHERE n > 1;""");
    assertThat(rolled.plan.dataLoss()).singleElement().asString().contains("data is not restored");
  }

  @Test
  void dropped_column_without_default_comes_back_nullable_with_its_check() {
    reversible("ALTER TABLE t DROP COLUMN n;", """
        ALTER TABLE public.t ADD COLUMN n integer;
        ALTER TABLE public.t ADD CONSTRAINT t_n_check CHECK (n > 0);
        CREATE UNIQUE INDEX t_email ON public.t USING btree ((lower(email)) text_pattern_ops DESC NULLS LAST) \
        INCLUDE (n) WHERE n > 1;""");
  }

  @Test
  void dropped_identity_and_serial_columns_come_back_as_such() {
    reversible("ALTER TABLE t DROP COLUMN s;",
        "ALTER TABLE public.t ADD COLUMN s smallint GENERATED ALWAYS AS IDENTITY (START WITH 5);");
    reversible("ALTER TABLE u DROP COLUMN id;", "ALTER TABLE public.u ADD COLUMN id serial NOT NULL;");
  }

  @Test
  void dropped_key_column_brings_back_the_key_and_the_foreign_keys_on_it() {
    reversible("ALTER TABLE t DROP COLUMN id CASCADE;", """
        ALTER TABLE public.t ADD COLUMN id bigserial NOT NULL;
        ALTER TABLE public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);
        ALTER TABLE public.t ADD CONSTRAINT t_r_fkey FOREIGN KEY (r) REFERENCES public.t (id) ON DELETE CASCADE;""");
  }

  @Test
  void type_change_goes_back_with_a_cast() {
    reversible("ALTER TABLE t ALTER COLUMN n TYPE bigint;",
        "ALTER TABLE public.t ALTER COLUMN n TYPE integer USING n::integer;");
  }

  @Test
  void type_change_from_an_enum_goes_back_through_text() {
    // Prisma's enum swap: PostgreSQL has no cast from one enum to another, only through text.
    reversible("""
        CREATE TYPE mood_new AS ENUM ('a');
        ALTER TABLE u ALTER COLUMN m TYPE mood_new USING (m::text::mood_new);""", """
        ALTER TABLE public.u ALTER COLUMN m TYPE mood USING m::text::mood;
        DROP TYPE public.mood_new;""");
  }

  @Test
  void defaults_and_not_null_go_back_to_their_former_state() {
    reversible("""
        ALTER TABLE t ALTER COLUMN email DROP DEFAULT, ALTER COLUMN n SET DEFAULT 3,
          ALTER COLUMN email DROP NOT NULL, ALTER n SET NOT NULL;""", """
        ALTER TABLE public.t ALTER COLUMN n DROP NOT NULL;
        ALTER TABLE public.t ALTER COLUMN email SET NOT NULL;
        ALTER TABLE public.t ALTER COLUMN n DROP DEFAULT;
        ALTER TABLE public.t ALTER COLUMN email SET DEFAULT '';""");
  }

  @Test
  void renames_go_back() {
    reversible("""
        ALTER TABLE t RENAME COLUMN n TO m;
        ALTER TABLE t RENAME TO tt;
        ALTER INDEX t_email RENAME TO x;
        ALTER TABLE tt RENAME CONSTRAINT t_n_check TO c;
        ALTER SEQUENCE u_id_seq RENAME TO q;
        ALTER VIEW v RENAME TO w;
        ALTER TYPE mood RENAME TO feel;
        CREATE SCHEMA s1;
        ALTER SCHEMA s1 RENAME TO s2;""", """
        ALTER SCHEMA s2 RENAME TO s1;
        DROP SCHEMA s1;
        ALTER TYPE public.feel RENAME TO mood;
        ALTER VIEW public.w RENAME TO v;
        ALTER SEQUENCE public.q RENAME TO u_id_seq;
        ALTER TABLE public.tt RENAME CONSTRAINT c TO t_n_check;
        ALTER INDEX public.x RENAME TO t_email;
        ALTER TABLE public.tt RENAME TO t;
        ALTER TABLE public.t RENAME COLUMN m TO n;""");
  }

  @Test
  void created_index_is_dropped_by_its_generated_name_concurrently_when_built_so() {
    Rolled rolled = reversible("CREATE INDEX CONCURRENTLY ON t (n);\nCREATE INDEX ON t (r);", """
        DROP INDEX public.t_r_idx;
        DROP INDEX CONCURRENTLY public.t_n_idx;""");
    assertThat(rolled.plan.outsideTransaction()).isTrue();
    assertThat(rolled.plan.sql()).contains("-- line 1\n--   must run outside a transaction block");
  }

  @Test
  void dropped_index_is_recreated_exactly() {
    reversible("DROP INDEX CONCURRENTLY t_email;", """
        CREATE UNIQUE INDEX CONCURRENTLY t_email ON public.t USING btree ((lower(email)) text_pattern_ops DESC \
        NULLS LAST) INCLUDE (n) WHERE n > 1;""");
  }

  @Test
  void added_constraints_are_dropped_by_their_generated_names() {
    reversible("""
        ALTER TABLE t ADD CHECK (r > 0) NOT VALID;
        ALTER TABLE t ADD UNIQUE (n);
        ALTER TABLE t ADD FOREIGN KEY (n) REFERENCES t (id);""", """
        ALTER TABLE public.t DROP CONSTRAINT t_n_fkey;
        ALTER TABLE public.t DROP CONSTRAINT t_n_key;
        ALTER TABLE public.t DROP CONSTRAINT t_r_check;""");
  }

  @Test
  void dropped_constraints_come_back_not_valid_if_they_were() {
    reversible("""
        ALTER TABLE t ADD CONSTRAINT pos CHECK (r > 0) NOT VALID;
        ALTER TABLE t DROP CONSTRAINT pos;
        ALTER TABLE t DROP CONSTRAINT t_pkey CASCADE;""", """
        ALTER TABLE public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);
        ALTER TABLE public.t ADD CONSTRAINT t_r_fkey FOREIGN KEY (r) REFERENCES public.t (id) ON DELETE CASCADE;
        ALTER TABLE public.t ADD CONSTRAINT pos CHECK (r > 0) NOT VALID;
        ALTER TABLE public.t DROP CONSTRAINT pos;""");
  }

  @Test
  void validate_has_nothing_to_undo() {
    reversible("ALTER TABLE t VALIDATE CONSTRAINT t_n_check;", "");
  }

  @Test
  void created_objects_are_dropped_and_a_replaced_view_gets_its_former_definition() {
    reversible("""
        CREATE SEQUENCE sq;
        CREATE MATERIALIZED VIEW mv AS SELECT 1;
        CREATE EXTENSION IF NOT EXISTS pgcrypto;
        CREATE OR REPLACE VIEW v AS SELECT id, n FROM t;
        CREATE DOMAIN d AS int;""", """
        DROP DOMAIN public.d;
        CREATE OR REPLACE VIEW public.v AS SELECT id FROM t;
        DROP EXTENSION pgcrypto;
        DROP MATERIALIZED VIEW public.mv;
        DROP SEQUENCE public.sq;""");
  }

  @Test
  void dropped_view_and_enum_are_recreated() {
    reversible("DROP VIEW v;\nALTER TABLE u DROP COLUMN m;\nDROP TYPE mood;", """
        CREATE TYPE public.mood AS ENUM ('a', 'b');
        ALTER TABLE public.u ADD COLUMN m mood;
        CREATE VIEW public.v AS SELECT id FROM t;""");
  }

  @Test
  void session_and_privilege_statements_get_their_opposite() {
    reversible("""
        BEGIN;
        SET lock_timeout = '5s';
        GRANT SELECT, INSERT ON t, u TO app;
        REVOKE ALL ON ALL TABLES IN SCHEMA public FROM bob;
        GRANT r1 TO app;
        COMMENT ON TABLE t IS 'x';
        RESET lock_timeout;
        COMMIT;""", """
        BEGIN;
        SET lock_timeout = '5s';
        REVOKE r1 FROM app;
        GRANT ALL ON ALL TABLES IN SCHEMA public TO bob;
        REVOKE SELECT, INSERT ON TABLE t, u FROM app;
        RESET lock_timeout;
        COMMIT;""");
  }

  @Test
  void literal_inserts_are_deleted_row_by_row() {
    reversible("INSERT INTO t (n, email) VALUES (1, 'a'), (2, NULL);\nINSERT INTO u VALUES (1, 'a');", """
        DELETE FROM public.u WHERE (id, m) IS NOT DISTINCT FROM (1, 'a');
        DELETE FROM public.t WHERE (n, email) IS NOT DISTINCT FROM (1, 'a')
           OR (n, email) IS NOT DISTINCT FROM (2, NULL);""");
  }

  @Test
  void data_changes_drops_of_tables_enum_values_and_unknown_statements_are_irreversible() {
    Rolled rolled = Rolled.of(SCHEMA, """
        UPDATE t SET n = 1;
        ALTER TYPE mood ADD VALUE 'c';
        DROP TABLE u;
        TRUNCATE t;
        INSERT INTO t (n) SELECT n FROM t;
        FROBNICATE everything;""");
    assertThat(rolled.plan.reversible()).isFalse();
    assertThat(rolled.plan.irreversible()).extracting(RollbackStep::line).containsExactly(6, 5, 4, 3, 2, 1);
    assertThat(rolled.reasons()).satisfiesExactly(
        r -> assertThat(r).contains("not understood"),
        r -> assertThat(r).contains("INSERT changes rows"),
        r -> assertThat(r).contains("TRUNCATE deletes every row"),
        r -> assertThat(r).contains("dropping table public.u deletes its rows"),
        r -> assertThat(r).contains("PostgreSQL cannot remove an enum value"),
        r -> assertThat(r).contains("UPDATE changes rows"));
    assertThat(rolled.plan.irreversible().get(4).advice()).contains("CREATE TYPE public.mood AS ENUM ('a', 'b')");
    assertThat(rolled.plan.sql()).contains("-- line 3: IRREVERSIBLE: dropping table public.u");
  }
}
