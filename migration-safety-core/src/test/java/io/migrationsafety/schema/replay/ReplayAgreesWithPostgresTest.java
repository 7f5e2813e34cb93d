package io.migrationsafety.schema.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Index;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Table;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the same DDL on PostgreSQL 16 and through replay, and compares what each ends with: the
 * names of indexes (and their tables), constraints (and their kinds), sequences, columns and
 * their NOT NULL; and, statement by statement, that replay reports a problem exactly where the
 * server raises an error. This is what proves the generated names ({@code _pkey}, {@code _key},
 * {@code _fkey}, {@code _check}, {@code _excl}, {@code _idx}, {@code _seq}, 63-byte cuts and
 * numeric suffixes) are PostgreSQL's.
 */
class ReplayAgreesWithPostgresTest {

  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  static Stream<Arguments> scripts() {
    return Stream.of(
        Arguments.of("constraint names in CREATE TABLE", """
            CREATE TABLE t (a int CHECK (a > 0), b int, c text, CHECK (a > b), CHECK (b > 0),
                UNIQUE (a) INCLUDE (b), PRIMARY KEY (a), UNIQUE (a));
            CREATE TABLE cc (a int, b int, CHECK (a > 0 AND a < 10), CHECK (a = b), CHECK (b <> 1), CHECK (b <> 2));
            CREATE TABLE p (id serial PRIMARY KEY, ref int REFERENCES t (a), r2 int REFERENCES t,
                x int GENERATED ALWAYS AS IDENTITY, big bigserial UNIQUE);
            CREATE TABLE o (item_id int PRIMARY KEY);
            CREATE TABLE "order" (item_id int REFERENCES o);
            CREATE TABLE order_item (id int REFERENCES o);
            CREATE TABLE ex (room int, during tsrange, EXCLUDE USING gist (during WITH &&, during WITH -|-));
            CREATE TABLE ex2 (room int, EXCLUDE ((room + 1) WITH =), EXCLUDE (room WITH =) WHERE (room > 0));
            CREATE TABLE dup (a int UNIQUE, b int, UNIQUE (a), CONSTRAINT named UNIQUE (b), UNIQUE (b));
            """),
        Arguments.of("index names", """
            CREATE TABLE t (a int, b int, c text, d jsonb);
            CREATE INDEX ON t (lower(c));
            CREATE INDEX ON t ((a + b));
            CREATE INDEX ON t ((c::text));
            CREATE INDEX ON t (('x'::text));
            CREATE INDEX ON t ((coalesce(c, 'x')));
            CREATE INDEX ON t ((CASE WHEN a > 0 THEN 1 END));
            CREATE INDEX ON t ((d ->> 'k'));
            CREATE INDEX ON t (a, a);
            CREATE INDEX ON t (a) INCLUDE (b);
            CREATE UNIQUE INDEX ON t (b);
            CREATE INDEX ON t ((a));
            CREATE INDEX ON t (a DESC NULLS LAST);
            CREATE INDEX ON t USING gin (d);
            CREATE INDEX ON t (c) WHERE a > 0;
            CREATE INDEX named ON t (b);
            CREATE INDEX IF NOT EXISTS named ON t (c);
            CREATE INDEX named ON t (c);
            """),
        Arguments.of("long and multibyte names", """
            CREATE TABLE aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa (
                bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb serial UNIQUE,
                cccccccccccccccccccccccccccccccccccc int CHECK (cccccccccccccccccccccccccccccccccccc > 0));
            CREATE INDEX ON aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa (bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb);
            CREATE INDEX ON aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa (bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb);
            CREATE TABLE "заказы_клиентов_по_дням" ("идентификатор_клиента_магазина" int PRIMARY KEY,
                "сумма" int CHECK ("сумма" > 0));
            CREATE INDEX ON "заказы_клиентов_по_дням" ("сумма", "идентификатор_клиента_магазина");
            """),
        Arguments.of("ALTER TABLE", """
            CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name text);
            CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users, total numeric CHECK (total >= 0));
            ALTER TABLE users ADD COLUMN code text UNIQUE CHECK (code <> '');
            ALTER TABLE users ADD COLUMN email text;
            ALTER TABLE users ADD COLUMN IF NOT EXISTS email text;
            ALTER TABLE orders ADD CHECK (total < 1000000);
            ALTER TABLE orders ADD CHECK (total < 1000000);
            ALTER TABLE orders ADD UNIQUE (user_id, total);
            ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
            ALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_fkey1;
            ALTER TABLE users ALTER COLUMN phone SET NOT NULL;
            ALTER TABLE users DROP COLUMN id;
            ALTER TABLE users DROP COLUMN id CASCADE;
            ALTER TABLE users DROP COLUMN IF EXISTS nothing;
            ALTER TABLE users ALTER COLUMN name SET NOT NULL;
            ALTER TABLE users ALTER COLUMN email DROP NOT NULL;
            CREATE UNIQUE INDEX users_email_tmp ON users (email);
            ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_tmp;
            ALTER TABLE users ADD PRIMARY KEY (email);
            ALTER TABLE users ADD PRIMARY KEY (name);
            ALTER TABLE users RENAME CONSTRAINT users_email_key TO users_email_uq;
            ALTER TABLE users RENAME COLUMN name TO full_name;
            ALTER TABLE users RENAME COLUMN full_name TO email;
            ALTER TABLE orders DROP CONSTRAINT orders_total_check;
            ALTER TABLE orders DROP CONSTRAINT orders_total_check;
            ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_total_check;
            ALTER TABLE users ALTER COLUMN full_name ADD GENERATED ALWAYS AS IDENTITY;
            ALTER TABLE orders ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY;
            ALTER TABLE orders ALTER COLUMN id DROP DEFAULT;
            ALTER TABLE orders ALTER COLUMN id DROP IDENTITY;
            ALTER TABLE orders ALTER COLUMN id DROP IDENTITY;
            ALTER TABLE orders ALTER COLUMN id DROP IDENTITY IF EXISTS;
            ALTER TABLE orders RENAME TO purchases;
            ALTER INDEX orders_pkey RENAME TO purchases_pkey;
            ALTER TABLE ghosts ADD COLUMN x int;
            ALTER TABLE IF EXISTS ghosts ADD COLUMN x int;
            """),
        Arguments.of("partitions", """
            CREATE TABLE o (item_id int PRIMARY KEY);
            CREATE TABLE pt (id int, d date, v int, PRIMARY KEY (id, d), UNIQUE (v, d), CHECK (v > 0),
                FOREIGN KEY (id) REFERENCES o) PARTITION BY RANGE (d);
            CREATE INDEX ON pt (v);
            CREATE TABLE pt_2024 PARTITION OF pt FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            CREATE TABLE pt_2025 (id int NOT NULL, d date NOT NULL, v int);
            ALTER TABLE pt ATTACH PARTITION pt_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
            ALTER TABLE pt_2025 ADD CONSTRAINT pt_v_check CHECK (v > 0);
            ALTER TABLE pt ATTACH PARTITION pt_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
            ALTER TABLE pt ADD COLUMN w int CHECK (w < 10);
            CREATE INDEX ON pt (w);
            ALTER TABLE pt ALTER COLUMN w SET NOT NULL;
            ALTER TABLE pt DETACH PARTITION pt_2024;
            ALTER TABLE plain_missing ATTACH PARTITION pt_2024 DEFAULT;
            CREATE TABLE plain (id int);
            CREATE TABLE plain_1 PARTITION OF plain DEFAULT;
            """),
        Arguments.of("types", """
            CREATE TYPE mood AS ENUM ('sad', 'happy');
            ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy';
            ALTER TYPE mood ADD VALUE 'ok';
            ALTER TYPE mood ADD VALUE IF NOT EXISTS 'ok';
            ALTER TYPE mood ADD VALUE 'x' AFTER 'nope';
            ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';
            ALTER TYPE mood RENAME VALUE 'sad' TO 'grey';
            CREATE TYPE mood AS ENUM ('a');
            CREATE TABLE mood (id int);
            CREATE TABLE feelings (id int, m mood);
            CREATE TYPE feelings AS ENUM ('a');
            CREATE DOMAIN positive AS int CHECK (VALUE > 0);
            ALTER DOMAIN positive SET NOT NULL;
            ALTER DOMAIN ghost SET NOT NULL;
            CREATE TYPE pair AS (a int, b int);
            ALTER TYPE pair ADD ATTRIBUTE c int;
            ALTER TYPE mood RENAME TO feeling;
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void replay_ends_where_postgres_ends(String title, String script) throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA public CASCADE");
      st.execute("CREATE SCHEMA public");
      Schema schema = Schema.empty();
      List<String> mismatches = new ArrayList<>();
      for (ParsedStatement statement : SqlParser.parse(script, title).statements()) {
        String sql = statement.statement().text();
        String serverError = null;
        try {
          st.execute(sql);
        } catch (SQLException e) {
          serverError = e.getMessage().lines().findFirst().orElse("");
        }
        List<String> problems = new ArrayList<>();
        for (Operation op : statement.operations()) {
          ReplayStep step = SchemaReplayer.apply(schema, op, "public");
          problems.addAll(step.problems());
          schema = step.after();
        }
        if ((serverError == null) != problems.isEmpty()) {
          mismatches.add(sql + "\n    server: " + (serverError == null ? "ok" : serverError) + "\n    replay: " + problems);
        }
      }
      assertThat(mismatches).as("statements where replay and PostgreSQL disagree on failing").isEmpty();
      assertThat(replayed(schema)).isEqualTo(introspected(st));
    }
  }

  /** What the comparison looks at, from the replayed model. */
  private static TreeSet<String> replayed(Schema schema) {
    TreeSet<String> facts = new TreeSet<>();
    for (Index index : schema.indexes().values()) {
      facts.add("index " + index.name().name() + " on " + index.table().name());
    }
    for (Table table : schema.tables().values()) {
      for (Constraint c : table.constraints()) {
        facts.add("constraint " + c.name() + " " + letter(c) + " on " + table.name().name()
            + (c.valid() ? "" : " not valid"));
      }
      for (Column column : table.columns()) {
        facts.add("column " + table.name().name() + "." + column.name() + (column.notNull() ? " not null" : ""));
      }
    }
    schema.sequences().keySet().stream().map(QualifiedName::name).forEach(n -> facts.add("sequence " + n));
    schema.types().values().forEach(t -> facts.add("type " + t.name().name() + " " + t.labels()));
    return facts;
  }

  private static String letter(Constraint c) {
    return switch (c.kind()) {
      case PRIMARY_KEY -> "p";
      case UNIQUE -> "u";
      case CHECK -> "c";
      case FOREIGN_KEY -> "f";
      case EXCLUDE -> "x";
      case NOT_NULL -> "n";
    };
  }

  /** The same facts, from the server's catalogs. */
  private static TreeSet<String> introspected(Statement st) throws SQLException {
    TreeSet<String> facts = new TreeSet<>();
    query(st, """
        SELECT 'index ' || c.relname || ' on ' || t.relname FROM pg_index i
        JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
        WHERE c.relnamespace = 'public'::regnamespace""", facts);
    query(st, """
        SELECT 'constraint ' || conname || ' ' || contype::text || ' on ' || t.relname
               || CASE WHEN convalidated THEN '' ELSE ' not valid' END
        FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
        WHERE t.relnamespace = 'public'::regnamespace""", facts);
    query(st, """
        SELECT 'column ' || t.relname || '.' || a.attname || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
        FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid
        WHERE t.relnamespace = 'public'::regnamespace AND t.relkind IN ('r', 'p') AND a.attnum > 0
          AND NOT a.attisdropped""", facts);
    query(st, "SELECT 'sequence ' || relname FROM pg_class WHERE relkind = 'S' AND relnamespace = 'public'::regnamespace",
        facts);
    query(st, """
        SELECT 'type ' || t.typname || ' [' || coalesce((SELECT string_agg(enumlabel, ', ' ORDER BY enumsortorder)
            FROM pg_enum e WHERE e.enumtypid = t.oid), '') || ']'
        FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd')
           OR (t.typnamespace = 'public'::regnamespace AND t.typtype = 'c'
               AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')""", facts);
    return facts;
  }

  private static void query(Statement st, String sql, TreeSet<String> into) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        into.add(rs.getString(1));
      }
    }
  }
}
