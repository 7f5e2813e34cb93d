package io.migrationsafety.schema.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.AlterSequence;
import io.migrationsafety.operation.CreateExtension;
import io.migrationsafety.operation.CreateSchema;
import io.migrationsafety.operation.CreateSequence;
import io.migrationsafety.operation.CreateView;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.RefreshMaterializedView;
import io.migrationsafety.schema.UserType;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexTypeObjectReplayTest {

  private static final String TABLE = "CREATE TABLE t (a int, b int, c text);";

  @Test
  void unnamed_indexes_get_postgres_names() {
    Replayed r = Replayed.sql(TABLE + """
        CREATE INDEX ON t (lower(c));
        CREATE INDEX ON t ((a + b));
        CREATE INDEX ON t ((c::text));
        CREATE INDEX ON t (('x'::text));
        CREATE INDEX ON t ((coalesce(c, 'x')));
        CREATE INDEX ON t ((CASE WHEN a > 0 THEN 1 END));
        CREATE INDEX ON t (a, a);
        CREATE INDEX ON t (a) INCLUDE (b);
        CREATE UNIQUE INDEX ON t (b);
        CREATE INDEX ON t (a);
        CREATE INDEX ON t (a);
        """);
    assertThat(r.problems()).isEmpty();
    assertThat(r.indexNames()).containsExactlyInAnyOrder("t_lower_idx", "t_expr_idx", "t_c_idx", "t_text_idx",
        "t_coalesce_idx", "t_case_idx", "t_a_a1_idx", "t_a_b_idx", "t_b_idx", "t_a_idx", "t_a_idx1");
  }

  @Test
  void an_index_lives_in_its_tables_schema() {
    Replayed r = Replayed.on(io.migrationsafety.schema.Schema.empty().withSchema("app", true),
        "CREATE TABLE app.t (a int); CREATE INDEX t_a ON app.t (a);");
    assertThat(r.schema().indexes()).containsOnlyKeys(QualifiedName.of("app", "t_a"));
  }

  @Test
  void creating_an_existing_index_is_a_problem_unless_if_not_exists() {
    Replayed r = Replayed.sql(TABLE + """
        CREATE INDEX orders_idx ON t (a);
        CREATE INDEX orders_idx ON t (b);
        CREATE INDEX IF NOT EXISTS orders_idx ON t (b);
        """);
    assertThat(r.steps().get(2).problems()).containsExactly("index public.orders_idx already exists");
    assertThat(r.steps().get(3).problems()).isEmpty();
    assertThat(r.index("orders_idx").elements().get(0).column()).isEqualTo("a");
  }

  @Test
  void an_index_on_a_missing_table_or_column_is_a_problem() {
    assertThat(Replayed.sql("CREATE INDEX ON ghosts (a);").problems())
        .containsExactly("table public.ghosts does not exist");
    assertThat(Replayed.sql(TABLE + "CREATE INDEX ON t (z);").problems())
        .containsExactly("column \"z\" of table public.t does not exist");
  }

  @Test
  void an_only_index_on_a_partitioned_table_is_invalid_until_attached() {
    Replayed r = Replayed.sql("""
        CREATE TABLE m (day date) PARTITION BY RANGE (day);
        CREATE TABLE m_1 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        CREATE INDEX m_day_idx ON ONLY m (day);
        CREATE INDEX m_1_day_idx ON m_1 (day);
        ALTER INDEX m_day_idx ATTACH PARTITION m_1_day_idx;
        REINDEX INDEX m_1_day_idx;
        """);
    assertThat(r.problems()).isEmpty();
    assertThat(r.index("m_day_idx").valid()).isFalse();
    assertThat(r.indexNames()).containsExactlyInAnyOrder("m_day_idx", "m_1_day_idx");
  }

  @Test
  void enum_values_are_added_where_asked() {
    Replayed r = Replayed.sql("""
        CREATE TYPE mood AS ENUM ('sad', 'happy');
        ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy';
        ALTER TYPE mood ADD VALUE 'ecstatic' AFTER 'happy';
        ALTER TYPE mood ADD VALUE 'bored';
        ALTER TYPE mood ADD VALUE IF NOT EXISTS 'sad';
        ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';
        """);
    assertThat(r.problems()).isEmpty();
    assertThat(r.schema().types().get(QualifiedName.of("public", "mood")).labels())
        .containsExactly("blue", "ok", "happy", "ecstatic", "bored");
  }

  @Test
  void enum_problems_name_the_label() {
    Replayed r = Replayed.sql("""
        CREATE TYPE mood AS ENUM ('sad');
        ALTER TYPE mood ADD VALUE 'sad';
        ALTER TYPE mood ADD VALUE 'x' AFTER 'nope';
        ALTER TYPE mood RENAME VALUE 'nope' TO 'y';
        ALTER TYPE ghost ADD VALUE 'x';
        CREATE TYPE mood AS ENUM ('a');
        """);
    assertThat(r.problems()).containsExactly(
        "enum label \"sad\" of type public.mood already exists",
        "\"nope\" is not a label of enum type public.mood",
        "\"nope\" is not a label of enum type public.mood",
        "type public.ghost does not exist",
        "type public.mood already exists");
  }

  @Test
  void composite_types_domains_and_shells() {
    Replayed r = Replayed.sql("""
        CREATE TYPE pair AS (a int, b int);
        CREATE DOMAIN positive AS int CHECK (VALUE > 0);
        ALTER DOMAIN positive SET NOT NULL;
        ALTER TYPE pair ADD ATTRIBUTE c int;
        CREATE TYPE box2;
        ALTER DOMAIN ghost DROP NOT NULL;
        """);
    assertThat(r.problems()).containsExactly("domain public.ghost does not exist");
    assertThat(r.schema().types().values()).extracting(UserType::kind)
        .containsExactlyInAnyOrder(UserType.Kind.COMPOSITE, UserType.Kind.DOMAIN, UserType.Kind.SHELL);
  }

  @Test
  void sequences_views_schemas_and_extensions() {
    Replayed r = Replayed.sql(TABLE).then(
        new CreateSequence(QualifiedName.of("counter"), false, "START 10", "t.a"),
        new CreateSequence(QualifiedName.of("counter"), true, "", null),
        new AlterSequence(QualifiedName.of("counter"), false, "", "NONE"),
        new CreateView(QualifiedName.of("v"), false, false, false, List.of(), "SELECT a FROM t", true),
        new CreateView(QualifiedName.of("v"), false, true, false, List.of(), "SELECT b FROM t", true),
        new CreateView(QualifiedName.of("mv"), true, false, false, List.of(), "SELECT 1", false),
        new RefreshMaterializedView(QualifiedName.of("mv"), false, true),
        new CreateSchema("audit", false, null),
        new CreateSchema("audit", true, null),
        new CreateExtension("citext", false, null, null, false));
    assertThat(r.problems()).isEmpty();
    assertThat(r.schema().sequences().get(QualifiedName.of("public", "counter")).ownedBy()).isNull();
    assertThat(r.schema().views().get(QualifiedName.of("public", "v")).query()).isEqualTo("SELECT b FROM t");
    assertThat(r.schema().schemas()).containsExactly("audit", "public");
    assertThat(r.schema().extensions()).containsExactly("citext");
    Replayed again = r.then(new CreateSchema("audit", false, null), new CreateExtension("citext", false, null, null, false),
        new CreateView(QualifiedName.of("t"), false, false, false, List.of(), "SELECT 1", true),
        new RefreshMaterializedView(QualifiedName.of("v"), false, true));
    assertThat(again.problems()).containsExactly("schema \"audit\" already exists",
        "extension \"citext\" already exists", "table public.t already exists",
        "materialized view public.v does not exist");
  }
}
