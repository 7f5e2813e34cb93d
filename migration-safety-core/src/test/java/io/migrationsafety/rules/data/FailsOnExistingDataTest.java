package io.migrationsafety.rules.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.MigrationSafety;
import io.migrationsafety.Review;
import io.migrationsafety.Verdict;
import io.migrationsafety.policy.DataProbeSettings;
import io.migrationsafety.policy.Policy;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rules.RuleTester;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data probes on real PostgreSQL 16, one pair of tables per kind of failure: one whose rows make
 * the statement fail, one whose rows do not. Reviews read the database through a read-only role.
 */
class FailsOnExistingDataTest {

  private static EmbeddedPostgres postgres;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws IOException, SQLException {
    postgres = EmbeddedPostgres.builder().start();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("""
          CREATE TABLE nulls_bad (id bigint PRIMARY KEY, email text);
          INSERT INTO nulls_bad SELECT g, CASE WHEN g IN (7, 9) THEN NULL ELSE 'u' || g END FROM generate_series(1, 50) g;
          CREATE TABLE nulls_ok (id bigint PRIMARY KEY, email text);
          INSERT INTO nulls_ok SELECT g, 'u' || g FROM generate_series(1, 50) g;
          CREATE TABLE dup_bad (id bigint PRIMARY KEY, email text);
          INSERT INTO dup_bad SELECT g, CASE WHEN g IN (3, 4) THEN 'same' ELSE 'u' || g END FROM generate_series(1, 50) g;
          INSERT INTO dup_bad VALUES (100, NULL), (101, NULL);
          CREATE TABLE dup_ok (id bigint PRIMARY KEY, email text);
          INSERT INTO dup_ok SELECT g, 'u' || g FROM generate_series(1, 50) g;
          INSERT INTO dup_ok VALUES (100, NULL), (101, NULL);
          CREATE TABLE check_bad (id bigint PRIMARY KEY, qty int);
          INSERT INTO check_bad SELECT g, CASE WHEN g = 5 THEN -1 WHEN g = 6 THEN NULL ELSE g END FROM generate_series(1, 50) g;
          CREATE TABLE check_ok (id bigint PRIMARY KEY, qty int);
          INSERT INTO check_ok SELECT g, g FROM generate_series(1, 50) g;
          CREATE TABLE parents (id bigint PRIMARY KEY);
          INSERT INTO parents SELECT g FROM generate_series(1, 10) g;
          CREATE TABLE child_bad (id bigint PRIMARY KEY, parent_id bigint);
          INSERT INTO child_bad SELECT g, CASE WHEN g = 8 THEN 99 WHEN g = 9 THEN NULL ELSE g % 10 + 1 END
            FROM generate_series(1, 50) g;
          CREATE TABLE child_ok (id bigint PRIMARY KEY, parent_id bigint);
          INSERT INTO child_ok SELECT g, g % 10 + 1 FROM generate_series(1, 50) g;
          CREATE TABLE child_nv (id bigint PRIMARY KEY, parent_id bigint);
          INSERT INTO child_nv VALUES (1, 1), (2, 77);
          ALTER TABLE child_nv ADD CONSTRAINT child_nv_fk FOREIGN KEY (parent_id) REFERENCES parents NOT VALID;
          CREATE TABLE cast_bad (id bigint PRIMARY KEY, amount text);
          INSERT INTO cast_bad SELECT g, CASE WHEN g = 12 THEN 'twelve' ELSE g::text END FROM generate_series(1, 50) g;
          CREATE TABLE cast_ok (id bigint PRIMARY KEY, amount text);
          INSERT INTO cast_ok SELECT g, g::text FROM generate_series(1, 50) g;
          CREATE TABLE long_bad (id bigint PRIMARY KEY, name varchar(100));
          INSERT INTO long_bad SELECT g, CASE WHEN g = 20 THEN repeat('x', 30) ELSE 'short' END FROM generate_series(1, 50) g;
          CREATE TABLE long_ok (id bigint PRIMARY KEY, name varchar(100));
          INSERT INTO long_ok SELECT g, 'short   ' FROM generate_series(1, 50) g;
          CREATE TABLE nokey (email text);
          INSERT INTO nokey VALUES ('a'), (NULL);
          ANALYZE;
          CREATE ROLE reader LOGIN;
          GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader;
          ALTER ROLE reader SET default_transaction_read_only = on;
          """);
    }
  }

  @AfterAll
  static void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  private List<Finding> review(String sql) throws IOException {
    return review(sql, Policy.defaults());
  }

  private List<Finding> review(String sql, Policy policy) throws IOException {
    Files.writeString(dir.resolve("V1__change.sql"), sql);
    Review review = MigrationSafety.builder().policy(policy).schemaFrom(postgres.getJdbcUrl("reader", "postgres"))
        .build().review(dir);
    return review.findings().stream().filter(f -> f.rule().equals("fails-on-existing-data")).toList();
  }

  private static List<String> messages(List<Finding> findings) {
    return findings.stream().map(f -> f.severity() + " " + f.message()).toList();
  }

  @Test
  void blocks_set_not_null_on_a_column_with_nulls_and_names_a_key() throws IOException {
    List<Finding> findings = review("ALTER TABLE nulls_bad ALTER COLUMN email SET NOT NULL;\n");
    assertThat(messages(findings)).containsExactly("BLOCKED Fails on the data public.nulls_bad holds now: 2 rows "
        + "(rows whose email is NULL), for example the row with key 7");
    assertThat(findings.get(0).suggestion()).startsWith("SELECT \"id\" FROM \"public\".\"nulls_bad\" WHERE \"email\" IS NULL;")
        .contains("UPDATE \"public\".\"nulls_bad\" SET \"email\" = /* value */ WHERE \"email\" IS NULL;");
    assertThat(review("ALTER TABLE nulls_ok ALTER COLUMN email SET NOT NULL;\n")).isEmpty();
  }

  @Test
  void names_rows_of_a_table_without_a_primary_key_by_ctid() throws IOException {
    assertThat(messages(review("ALTER TABLE nokey ALTER COLUMN email SET NOT NULL;\n"))).containsExactly(
        "BLOCKED Fails on the data public.nokey holds now: 1 row (rows whose email is NULL), for example the row with "
            + "key (0,2)");
  }

  @Test
  void blocks_unique_and_unique_index_on_duplicated_keys_but_not_on_repeated_nulls() throws IOException {
    assertThat(messages(review("ALTER TABLE dup_bad ADD CONSTRAINT dup_bad_email_key UNIQUE (email);\n")))
        .containsExactly("BLOCKED Fails on the data public.dup_bad holds now: 1 key (keys (\"email\") held by more "
            + "than one row), for example the key (same)");
    assertThat(messages(review("CREATE UNIQUE INDEX CONCURRENTLY dup_bad_lower ON dup_bad (lower(email));\n")))
        .containsExactly("BLOCKED Fails on the data public.dup_bad holds now: 1 key (keys ((lower(email))) held by "
            + "more than one row), for example the key (same)");
    assertThat(review("ALTER TABLE dup_ok ADD CONSTRAINT dup_ok_email_key UNIQUE (email);\n")).isEmpty();
    assertThat(review("CREATE UNIQUE INDEX CONCURRENTLY dup_bad_partial ON dup_bad (email) WHERE id > 10;\n"))
        .isEmpty();
  }

  @Test
  void blocks_a_primary_key_over_nulls_and_duplicates() throws IOException {
    assertThat(messages(review("ALTER TABLE dup_bad DROP CONSTRAINT dup_bad_pkey, ADD PRIMARY KEY (email);\n")))
        .containsExactly(
            // Its primary key is dropped by the same statement: rows are named by their ctid.
            "BLOCKED Fails on the data public.dup_bad holds now: 2 rows (rows whose email is NULL), for example the "
                + "row with key (0,51)",
            "BLOCKED Fails on the data public.dup_bad holds now: 1 key (keys (\"email\") held by more than one row), "
                + "for example the key (same)");
  }

  @Test
  void blocks_a_check_some_rows_break_and_lets_null_pass() throws IOException {
    assertThat(messages(review("ALTER TABLE check_bad ADD CONSTRAINT qty_positive CHECK (qty > 0);\n")))
        .containsExactly("BLOCKED Fails on the data public.check_bad holds now: 1 row (rows for which CHECK "
            + "(qty > 0) is false), for example the row with key 5");
    assertThat(review("ALTER TABLE check_ok ADD CONSTRAINT qty_positive CHECK (qty > 0);\n")).isEmpty();
    assertThat(review("ALTER TABLE check_bad ADD CONSTRAINT qty_positive CHECK (qty > 0) NOT VALID;\n")).isEmpty();
  }

  @Test
  void blocks_a_foreign_key_with_orphans_and_its_validation() throws IOException {
    assertThat(messages(review(
        "ALTER TABLE child_bad ADD CONSTRAINT child_bad_fk FOREIGN KEY (parent_id) REFERENCES parents;\n")))
        .containsExactly("BLOCKED Fails on the data public.child_bad holds now: 1 row (rows whose (parent_id) match "
            + "no row of public.parents), for example the row with key 8");
    assertThat(review("ALTER TABLE child_ok ADD CONSTRAINT child_ok_fk FOREIGN KEY (parent_id) REFERENCES parents (id);\n"))
        .isEmpty();
    assertThat(messages(review("ALTER TABLE child_nv VALIDATE CONSTRAINT child_nv_fk;\n"))).containsExactly(
        "BLOCKED Fails on the data public.child_nv holds now: 1 row (rows whose (parent_id) match no row of "
            + "public.parents), for example the row with key 2");
  }

  @Test
  void blocks_a_type_change_some_values_do_not_convert_to_without_quoting_them() throws IOException {
    List<Finding> findings = review("ALTER TABLE cast_bad ALTER COLUMN amount TYPE integer USING amount::integer;\n");
    assertThat(messages(findings)).containsExactly("BLOCKED Fails on the data public.cast_bad holds now: at least "
        + "1 row (values of amount that do not convert to integer)");
    assertThat(findings.get(0).suggestion()).contains("pg_input_is_valid").doesNotContain("twelve");
    assertThat(review("ALTER TABLE cast_ok ALTER COLUMN amount TYPE integer USING amount::integer;\n")).isEmpty();
  }

  @Test
  void blocks_a_shorter_varchar_than_some_values_need_and_ignores_trailing_blanks() throws IOException {
    assertThat(messages(review("ALTER TABLE long_bad ALTER COLUMN name TYPE varchar(10);\n"))).containsExactly(
        "BLOCKED Fails on the data public.long_bad holds now: 1 row (values of name longer than 10 characters), "
            + "for example the row with key 20");
    assertThat(review("ALTER TABLE long_ok ALTER COLUMN name TYPE varchar(5);\n")).isEmpty();
    assertThat(review("ALTER TABLE long_bad ALTER COLUMN name TYPE varchar(200);\n")).isEmpty();
  }

  @Test
  void a_probe_over_its_timeout_reports_that_it_does_not_know() throws IOException {
    Policy slow = Policy.defaults().withDataProbes(new DataProbeSettings(true, 100, 30_000));
    List<Finding> findings = review(
        "ALTER TABLE check_ok ADD CONSTRAINT slow CHECK (pg_sleep(0.2) IS NOT NULL);\n", slow);
    assertThat(messages(findings)).containsExactly("WARNING Could not check whether the data public.check_ok holds "
        + "makes this statement fail (rows for which CHECK (pg_sleep(0.2) IS NOT NULL) is false): the probe took "
        + "longer than its 100 ms timeout");
  }

  @Test
  void once_the_budget_is_spent_the_remaining_probes_do_not_know() throws IOException {
    Policy tight = Policy.defaults().withDataProbes(new DataProbeSettings(true, 100, 100));
    List<Finding> findings = review("""
        ALTER TABLE check_ok ADD CONSTRAINT slow CHECK (pg_sleep(0.2) IS NOT NULL);
        ALTER TABLE nulls_bad ALTER COLUMN email SET NOT NULL;
        """, tight);
    assertThat(messages(findings)).hasSize(2).last().asString()
        .endsWith("the review's data-probe budget of 100 ms was spent on earlier probes");
  }

  @Test
  void a_backfill_earlier_in_the_review_makes_it_a_warning() throws IOException {
    List<Finding> findings = review("""
        UPDATE nulls_bad SET email = 'none' WHERE email IS NULL;
        ALTER TABLE nulls_bad ALTER COLUMN email SET NOT NULL;
        """);
    assertThat(messages(findings)).containsExactly("WARNING Fails on the data public.nulls_bad holds now: 2 rows "
        + "(rows whose email is NULL), for example the row with key 7; unless the statement at V1__change.sql:1 fixes "
        + "them (the probe read the data before it)");
  }

  @Test
  void tables_and_columns_the_migrations_create_are_not_probed() throws IOException {
    assertThat(review("""
        CREATE TABLE fresh (id bigint PRIMARY KEY, email text);
        ALTER TABLE fresh ALTER COLUMN email SET NOT NULL;
        ALTER TABLE nulls_bad ADD COLUMN note text;
        ALTER TABLE nulls_bad ALTER COLUMN note SET NOT NULL;
        """)).isEmpty();
  }

  @Test
  void probes_are_off_by_policy_and_without_a_database() throws IOException {
    Policy off = Policy.defaults().withDataProbes(new DataProbeSettings(false, 5000, 30_000));
    assertThat(review("ALTER TABLE nulls_bad ALTER COLUMN email SET NOT NULL;\n", off)).isEmpty();
    Files.writeString(dir.resolve("V1__change.sql"), "ALTER TABLE nulls_bad ALTER COLUMN email SET NOT NULL;\n");
    assertThat(MigrationSafety.builder().build().review(dir).findings())
        .noneMatch(f -> f.rule().equals("fails-on-existing-data"));
  }

  @Test
  void probing_writes_nothing() throws IOException, SQLException {
    long before = nextTransactionId();
    Files.writeString(dir.resolve("V1__change.sql"), """
        ALTER TABLE nulls_bad ALTER COLUMN email SET NOT NULL;
        ALTER TABLE child_bad ADD CONSTRAINT child_bad_fk FOREIGN KEY (parent_id) REFERENCES parents;
        """);
    Review review = MigrationSafety.builder().schemaFrom(postgres.getJdbcUrl("reader", "postgres")).build().review(dir);
    assertThat(review.verdict()).isEqualTo(Verdict.BLOCKED);
    // A write of any kind needs a transaction id; reads never take one. Between the two calls, only
    // the first call itself took one.
    assertThat(nextTransactionId()).isEqualTo(before + 1);
  }

  /** Takes a transaction id and returns it. */
  private static long nextTransactionId() throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT pg_current_xact_id()::text::bigint")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void the_docs_harness_reports_a_probe_finding_as_blocked() {
    assertThat(RuleTester.of(new FailsOnExistingData()).schema("CREATE TABLE users (id bigint PRIMARY KEY, email text);")
        .findings("-- probe: violations\nALTER TABLE users ALTER COLUMN email SET NOT NULL;"))
        .singleElement().extracting(Finding::severity).isEqualTo(Severity.BLOCKED);
  }
}
