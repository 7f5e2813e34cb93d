package io.migrationsafety.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationsafety.MigrationSafety;
import io.migrationsafety.database.SchemaIntrospector;
import io.migrationsafety.format.AppliedState;
import io.migrationsafety.format.MigrationFormats;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.lock.LockMode;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.replay.SchemaReplayer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TracerTest {

  private static final QualifiedName ORDERS = QualifiedName.of("public", "orders");

  /** A database the tests treat as a user's scratch database (not started by the tracer). */
  private static EmbeddedPostgres scratch;
  private static String scratchUrl;

  @TempDir
  Path dir;

  @BeforeAll
  static void startScratch() throws Exception {
    scratch = EmbeddedPostgres.start();
    scratchUrl = scratch.getJdbcUrl("postgres", "postgres");
    try (Connection c = scratch.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("""
          CREATE TABLE orders (id int PRIMARY KEY, status text, total int);
          CREATE INDEX orders_status_idx ON orders (status);
          INSERT INTO orders SELECT g, 'new', g FROM generate_series(1, 100) g;
          """);
    }
  }

  @AfterAll
  static void stopScratch() throws IOException {
    scratch.close();
  }

  private void migration(String name, String sql) throws IOException {
    Files.writeString(dir.resolve(name), sql);
  }

  @Test
  void scratch_database_is_left_unchanged_even_when_a_statement_fails_halfway() throws Exception {
    migration("V1__note.sql", """
        ALTER TABLE orders ADD COLUMN note text;
        ALTER TABLE orders ALTER COLUMN total TYPE bigint;
        """);
    migration("V2__broken.sql", """
        CREATE INDEX orders_total_idx ON orders (total);
        UPDATE orders SET total = total / 0;
        ALTER TABLE orders DROP COLUMN note;
        """);
    migration("V3__concurrent.sql", """
        -- migration-safety:no-transaction
        CREATE INDEX CONCURRENTLY orders_id_status_idx ON orders (id, status);
        """);
    String before = dump();

    Trace trace = MigrationSafety.tracer().scratch(scratchUrl).build().trace(dir);

    assertThat(dump()).isEqualTo(before);
    assertThat(trace.target()).startsWith("scratch database");
    ObservedStatement addColumn = (ObservedStatement) trace.migrations().get(0).statements().get(0);
    assertThat(addColumn.locks()).extracting(ObservedLock::relation, ObservedLock::mode)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ORDERS, LockMode.ACCESS_EXCLUSIVE));
    assertThat(addColumn.rewrites()).isEmpty();
    ObservedStatement retype = (ObservedStatement) trace.migrations().get(0).statements().get(1);
    assertThat(retype.rewrites()).contains(ORDERS);
    assertThat(retype.disagreements()).isEmpty();
    List<StatementTrace> broken = trace.migrations().get(1).statements();
    assertThat(((ObservedStatement) broken.get(0)).held()).extracting(ObservedLock::mode)
        .contains(LockMode.ACCESS_EXCLUSIVE);
    assertThat(((ObservedStatement) broken.get(1)).error()).contains("division by zero");
    assertThat(broken.get(2)).isInstanceOf(UntracedStatement.class);
    assertThat(((UntracedStatement) trace.migrations().get(2).statements().get(0)).reason())
        .contains("cannot run in a transaction block");
  }

  @Test
  void a_scratch_database_that_is_also_read_is_refused() {
    assertThatThrownBy(() -> MigrationSafety.tracer().scratch(scratchUrl).schemaFrom(scratchUrl).build())
        .isInstanceOf(TraceException.class).hasMessageContaining("never runs migrations on a database it was asked to read");
  }

  @Test
  void the_embedded_server_builds_each_migration_on_the_earlier_ones() throws Exception {
    migration("V1__create.sql", """
        CREATE TABLE items (id int PRIMARY KEY, qty int);
        INSERT INTO items SELECT g, g FROM generate_series(1, 1000) g;
        """);
    migration("V2__change.sql", """
        ALTER TABLE items ADD COLUMN flag int DEFAULT 0;
        ALTER TABLE items ALTER COLUMN qty TYPE bigint;
        """);
    migration("V3__index.sql", """
        -- migration-safety:no-transaction
        CREATE INDEX CONCURRENTLY items_flag_idx ON items (flag);
        """);
    migration("V4__uses_index.sql", """
        ALTER INDEX items_flag_idx RENAME TO items_flag_idx2;
        """);

    Trace trace = MigrationSafety.tracer().postgresVersion(16).build().trace(dir);

    assertThat(trace.postgresVersion()).isEqualTo(16);
    assertThat(trace.findings()).as("the model agrees on every statement").isEmpty();
    QualifiedName items = QualifiedName.of("public", "items");
    ObservedStatement create = (ObservedStatement) trace.migrations().get(0).statements().get(0);
    assertThat(create.created()).contains(items);
    ObservedStatement retype = (ObservedStatement) trace.migrations().get(1).statements().get(1);
    assertThat(retype.rewrites()).contains(items);
    assertThat(retype.predicted()).anyMatch(e -> e.relation().equals(items) && e.rewrite());
    ObservedStatement concurrent = (ObservedStatement) trace.migrations().get(2).statements().get(0);
    assertThat(concurrent.sampled()).isTrue();
    assertThat(concurrent.locks()).extracting(ObservedLock::relation, ObservedLock::mode)
        .contains(org.assertj.core.groups.Tuple.tuple(items, LockMode.SHARE_UPDATE_EXCLUSIVE));
    ObservedStatement rename = (ObservedStatement) trace.migrations().get(3).statements().get(0);
    assertThat(rename.failed()).as("V3 was applied before V4 ran").isFalse();
  }

  @Test
  void a_migration_that_sets_its_search_path_is_predicted_on_that_schema() throws Exception {
    migration("V1__app.sql", """
        CREATE SCHEMA app;
        SET search_path = app;
        CREATE TABLE items (id int PRIMARY KEY);
        ALTER TABLE items ADD COLUMN qty int;
        """);

    Trace trace = MigrationSafety.tracer().postgresVersion(16).build().trace(dir);

    assertThat(trace.findings()).as("the model agrees on every statement").isEmpty();
    ObservedStatement alter = (ObservedStatement) trace.migrations().get(0).statements().get(3);
    assertThat(alter.predicted()).anyMatch(e -> e.relation().equals(QualifiedName.of("app", "items")));
  }

  @Test
  void migrations_the_history_lists_as_applied_are_not_traced_again() throws Exception {
    migration("V1__items.sql", "CREATE TABLE items (id int PRIMARY KEY);\n");
    migration("V2__qty.sql", "ALTER TABLE items ADD COLUMN qty int;\n");
    MigrationSet read = MigrationFormats.installed().read(dir);
    MigrationSet afterV1 = read.withApplied(new AppliedState("test history",
        java.util.Set.of(read.migrations().get(0).id()), List.of()));
    Schema withItems = SchemaReplayer.apply(Schema.empty(),
        SqlParser.parse("CREATE TABLE items (id int PRIMARY KEY)", "x").statements().get(0).operations().get(0),
        "public").after();

    Trace trace = MigrationSafety.tracer().postgresVersion(16).schema(withItems).build().trace(afterV1);

    assertThat(trace.migrations()).extracting(MigrationTrace::file).containsExactly("V2__qty.sql");
    assertThat(trace.migrations().get(0).statements()).singleElement()
        .satisfies(s -> assertThat(((ObservedStatement) s).failed()).isFalse());
  }

  @Test
  void synthetic_rows_make_a_not_null_column_without_default_fail_as_it_would_in_production() throws Exception {
    migration("V13__currency.sql", "ALTER TABLE orders ADD COLUMN currency char(3) NOT NULL;\n");

    Trace trace = MigrationSafety.tracer().schema(shopSchema()).syntheticRows(50).build().trace(dir);

    ObservedStatement add = (ObservedStatement) trace.migrations().get(0).statements().get(0);
    assertThat(add.error()).contains("contains null values");
    assertThat(add.disagreements()).as("a failed statement is not compared").isEmpty();
    assertThatThrownBy(() -> MigrationSafety.tracer().scratch(scratchUrl).syntheticRows(10).build())
        .hasMessageContaining("never writes to a scratch database");
  }

  @Test
  void a_starting_schema_is_built_on_the_embedded_server_before_the_first_migration() throws Exception {
    migration("V13__currency.sql", "ALTER TABLE orders ADD COLUMN currency char(3) NOT NULL DEFAULT 'EUR';\n");

    Trace trace = MigrationSafety.tracer().schema(shopSchema()).build().trace(dir);

    ObservedStatement add = (ObservedStatement) trace.migrations().get(0).statements().get(0);
    assertThat(add.failed()).as(String.valueOf(add.error())).isFalse();
    assertThat(add.locks()).extracting(ObservedLock::relation).containsExactly(ORDERS);
    assertThat(trace.findings()).isEmpty();
  }

  private static Schema shopSchema() {
    Schema start = Schema.empty();
    for (var s : SqlParser.parse("""
        CREATE TYPE state AS ENUM ('new', 'paid');
        CREATE TABLE customers (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE);
        CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            customer_id bigint REFERENCES customers (id), state state DEFAULT 'new', total_cents int);
        CREATE INDEX orders_state_idx ON orders (state) WHERE state = 'new';
        CREATE VIEW open_orders AS SELECT id FROM orders WHERE state = 'new';
        """, "schema.sql").statements()) {
      for (var op : s.operations()) {
        start = SchemaReplayer.apply(start, op, "public").after();
      }
    }
    return start;
  }

  @Test
  void the_schema_of_a_database_read_read_only_is_copied_to_the_embedded_server() throws Exception {
    migration("V2__note.sql", "ALTER TABLE orders ADD COLUMN note text;\nCREATE INDEX orders_total_idx ON orders (total);\n");
    String before = dump();

    Trace trace = MigrationSafety.tracer().schemaFrom(scratchUrl).allowWritableConnection(true).build().trace(dir);

    assertThat(trace.target()).isEqualTo("embedded PostgreSQL 16");
    List<StatementTrace> statements = trace.migrations().get(0).statements();
    assertThat(statements).allMatch(s -> s instanceof ObservedStatement o && !o.failed());
    assertThat(((ObservedStatement) statements.get(1)).locks()).extracting(ObservedLock::relation, ObservedLock::mode)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ORDERS, LockMode.SHARE));
    assertThat(trace.findings()).isEmpty();
    assertThat(dump()).as("the database the schema came from is only read").isEqualTo(before);
  }

  /** The schema as introspection reads it, and every relation's data files and row count. */
  private static String dump() throws Exception {
    try (Connection c = scratch.getPostgresDatabase().getConnection()) {
      Schema schema = SchemaIntrospector.introspect(c).schema();
      Map<String, String> files = new TreeMap<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT relname, relfilenode, relkind FROM pg_class WHERE relnamespace = 'public'::regnamespace")) {
        while (rs.next()) {
          files.put(rs.getString(1), rs.getLong(2) + "/" + rs.getString(3));
        }
      }
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sum(total), count(*) FROM orders")) {
        rs.next();
        files.put("orders rows", rs.getLong(1) + "/" + rs.getLong(2));
      }
      return schema.withTable(schema.table(ORDERS).orElseThrow().withSize(null, null)) + "\n" + files;
    }
  }
}
