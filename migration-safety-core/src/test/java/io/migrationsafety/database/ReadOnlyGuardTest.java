package io.migrationsafety.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationsafety.operation.QualifiedName;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The guard on real PostgreSQL 16, with roles made for each case. */
class ReadOnlyGuardTest {

  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void start() throws IOException, SQLException {
    postgres = EmbeddedPostgres.builder().start();
    admin("""
        CREATE SCHEMA app;
        CREATE TABLE app.items (id int PRIMARY KEY, name text);
        INSERT INTO app.items VALUES (1, 'one'), (2, 'two');
        CREATE ROLE writer LOGIN;
        GRANT USAGE ON SCHEMA app TO writer;
        GRANT SELECT, INSERT, UPDATE ON app.items TO writer;
        CREATE TABLE app.owned (id int);
        ALTER TABLE app.owned OWNER TO writer;
        CREATE ROLE reader LOGIN;
        GRANT USAGE ON SCHEMA app TO reader;
        GRANT SELECT ON ALL TABLES IN SCHEMA app TO reader;
        CREATE ROLE careful LOGIN;
        GRANT USAGE ON SCHEMA app TO careful;
        GRANT SELECT, INSERT ON app.items TO careful;
        ALTER ROLE careful SET default_transaction_read_only = on;
        CREATE ROLE schema_creator LOGIN;
        GRANT CREATE ON SCHEMA app TO schema_creator;
        """);
  }

  @AfterAll
  static void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  private static void admin(String sql) throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static DatabaseTarget as(String role) {
    return DatabaseTarget.of(postgres.getJdbcUrl(role, "postgres"));
  }

  /** What a write would change: the table's rows, and the relations of the user's schemas. */
  private static List<String> state() throws SQLException {
    List<String> state = new ArrayList<>();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("""
            SELECT 'row ' || id || ' ' || name FROM app.items
            UNION ALL SELECT 'relation ' || oid::regclass || ' ' || relkind::text FROM pg_class
              WHERE relnamespace IN ('app'::regnamespace, 'public'::regnamespace)
            UNION ALL SELECT 'role ' || rolname FROM pg_roles
            ORDER BY 1""")) {
      while (rs.next()) {
        state.add(rs.getString(1));
      }
    }
    return state;
  }

  @Test
  void refuses_a_role_that_can_write_and_writes_nothing() throws SQLException {
    List<String> before = state();

    assertThatThrownBy(() -> as("writer").read(false))
        .isInstanceOfSatisfying(WritableConnectionException.class, e -> {
          assertThat(e.writes()).containsExactly("INSERT, UPDATE on table app.items",
              "owner, INSERT, UPDATE, DELETE, TRUNCATE on table app.owned");
          assertThat(e.getMessage())
              .contains("role writer", "owner, INSERT, UPDATE, DELETE, TRUNCATE on table app.owned")
              .contains("CREATE ROLE migration_safety_reader LOGIN PASSWORD")
              .contains("GRANT CONNECT ON DATABASE postgres TO migration_safety_reader;")
              .contains("GRANT USAGE ON SCHEMA app, public TO migration_safety_reader;")
              .contains("GRANT SELECT ON ALL TABLES IN SCHEMA app, public TO migration_safety_reader;")
              .contains("ALTER ROLE migration_safety_reader SET default_transaction_read_only = on;");
        });
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void refuses_a_superuser() {
    assertThatThrownBy(() -> as("postgres").read(false))
        .isInstanceOfSatisfying(WritableConnectionException.class, e -> {
          assertThat(e.writes()).startsWith("superuser", "REPLICATION", "CREATE on database postgres");
          // every table is writable; the list stays short and the count says how many
          assertThat(e.writes().stream().filter(w -> w.contains(" table "))).hasSizeLessThanOrEqualTo(10);
          assertThat(e.check().writableTables()).isEqualTo(2);
        });
  }

  @Test
  void refuses_create_on_a_schema() {
    assertThatThrownBy(() -> as("schema_creator").read(false))
        .isInstanceOfSatisfying(WritableConnectionException.class,
            e -> assertThat(e.writes()).containsExactly("CREATE on schema app"));
  }

  @Test
  void lets_a_read_only_role_through() {
    IntrospectedSchema read = as("reader").read(false);

    assertThat(read.readOnlyCheck().readOnly()).isTrue();
    assertThat(read.readOnlyCheck().writes()).isEmpty();
    assertThat(read.readOnlyCheck().warning()).isEmpty();
    assertThat(read.schema().table(QualifiedName.of("app", "items"))).isPresent();
    assertThat(read.serverMajorVersion()).isEqualTo(16);
  }

  @Test
  void lets_a_role_with_default_transaction_read_only_through() {
    IntrospectedSchema read = as("careful").read(false);

    assertThat(read.readOnlyCheck().defaultTransactionReadOnly()).isTrue();
    assertThat(read.readOnlyCheck().writes()).containsExactly("INSERT on table app.items");
    assertThat(read.readOnlyCheck().readOnly()).isTrue();
    assertThat(read.readOnlyCheck().warning()).isEmpty();
  }

  @Test
  void the_override_lets_a_writer_through_with_a_warning_and_still_writes_nothing() throws SQLException {
    List<String> before = state();

    IntrospectedSchema read = as("writer").read(true);

    assertThat(read.readOnlyCheck().readOnly()).isFalse();
    assertThat(read.readOnlyCheck().warning()).hasValueSatisfying(w -> assertThat(w)
        .contains("WARNING", "role writer", "INSERT, UPDATE on table app.items", "allowed by the override")
        .contains("CREATE ROLE migration_safety_reader"));
    assertThat(read.schema().table(QualifiedName.of("app", "owned"))).isPresent();
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void the_suggested_role_passes_the_guard() throws SQLException {
    String sql;
    try {
      as("writer").read(false);
      throw new AssertionError("the writer was let through");
    } catch (WritableConnectionException e) {
      sql = e.check().readerRoleSql().replace("'choose-a-password'", "'pw'");
    }
    admin(sql);

    assertThat(as(ReadOnlyGuard.READER_ROLE).read(false).readOnlyCheck().readOnly()).isTrue();
  }

  @Test
  void reads_inside_a_read_only_transaction_and_leaves_the_connection_as_it_was() throws SQLException {
    try (Connection c = as("postgres").connect()) {
      IntrospectedSchema read = SchemaIntrospector.introspect(c);

      assertThat(read.schema().schemas()).contains("app", "public").doesNotContain("pg_catalog", "information_schema");
      assertThat(c.getAutoCommit()).isTrue();
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "SELECT current_setting('transaction_read_only'), pg_current_xact_id_if_assigned()")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("off"); // the read-only transaction is over
        assertThat(rs.getString(2)).isNull();
      }
    }
  }
}
