package io.migrationsafety.alembic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.migrationsafety.MigrationSafety;
import io.migrationsafety.database.DatabaseTarget;
import io.migrationsafety.drift.Drift;
import io.migrationsafety.drift.DriftReport;
import io.migrationsafety.execute.ExecutionResult;
import io.migrationsafety.execute.StagingTarget;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Alembic project executed on staging (embedded PostgreSQL): a revision with an
 * {@code autocommit_block()} runs its concurrent index outside a transaction and the rest in
 * transactions, as Alembic runs it, and {@code alembic_version} ends up as Alembic leaves it. Real
 * Alembic, run online on another database, is the oracle for the schema.
 */
class AlembicExecuteTest {

  private static EmbeddedPostgres postgres;

  @TempDir
  Path project;

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

  private static DataSource database(String name) throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name);
      st.execute("CREATE DATABASE " + name);
    }
    return postgres.getDatabase("postgres", name);
  }

  private static List<String> strings(DataSource db, String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  private void revision(String id, String down, String body) throws IOException {
    Path file = project.resolve("versions").resolve(id + "_step.py");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "from alembic import op\nimport sqlalchemy as sa\n\nrevision = '" + id
        + "'\ndown_revision = " + down + "\n\n\ndef upgrade():\n" + body + "\n");
  }

  private void orders() throws IOException {
    revision("a1", "None", """
        op.create_table('orders', sa.Column('id', sa.BigInteger(), primary_key=True),
                        sa.Column('customer_id', sa.BigInteger(), nullable=False))""".indent(4));
    revision("a2", "'a1'", """
        op.add_column('orders', sa.Column('note', sa.Text()))
        with op.get_context().autocommit_block():
            op.create_index('orders_customer_idx', 'orders', ['customer_id'], postgresql_concurrently=True)
        op.add_column('orders', sa.Column('total', sa.Numeric(10, 2)))""".indent(4));
  }

  @Test
  void an_autocommit_block_runs_outside_the_transaction_and_the_version_is_recorded() throws Exception {
    orders();
    DataSource staging = database("alembic_staging");

    ExecutionResult result = MigrationSafety.builder().build().executor(StagingTarget.of(staging)).execute(project);

    assertThat(result.succeeded()).as("%s", result.failure()).isTrue();
    assertThat(result.migrations().get(1).statements()).extracting(s -> s.line() + " " + s.inTransaction())
        .containsExactly("9 true", "11 false", "12 true");
    assertThat(strings(staging, "SELECT indexrelid::regclass::text FROM pg_index WHERE indisvalid "
        + "AND indrelid = 'orders'::regclass AND NOT indisprimary")).containsExactly("orders_customer_idx");
    assertThat(strings(staging, "SELECT version_num FROM alembic_version")).containsExactly("a2");

    ExecutionResult again = MigrationSafety.builder().build().executor(StagingTarget.of(staging)).execute(project);
    assertThat(again.migrations()).isEmpty();
    assertThat(again.alreadyApplied()).hasSize(2);
  }

  @Test
  void the_schema_and_version_match_what_alembic_leaves_online() throws Exception {
    String why = PythonAlembic.cannotConnect();
    assumeTrue(why == null, () -> "skipped: " + why);
    orders();
    for (String f : List.of("env.py", "alembic.ini", "script.py.mako")) {
      Files.copy(Path.of("src/test/resources/alembic/inspect").resolve(f), project.resolve(f));
    }
    DataSource theirs = database("alembic_by_alembic");
    PythonAlembic.Result run = PythonAlembic.python(project, List.of("-m", "alembic", "upgrade", "heads"),
        Map.of("MIGRATION_SAFETY_TEST_URL", "postgresql://postgres@localhost:" + postgres.getPort()
            + "/alembic_by_alembic"));
    assertThat(run.exit()).as(run.err()).isZero();

    DataSource ours = database("alembic_by_executor");
    assertThat(MigrationSafety.builder().build().executor(StagingTarget.of(ours)).execute(project).succeeded()).isTrue();

    DriftReport drift = Drift.between(DatabaseTarget.of(ours), DatabaseTarget.of(theirs), true);
    assertThat(drift.drifted()).as(drift.text()).isFalse();
    assertThat(strings(ours, "SELECT version_num FROM alembic_version"))
        .containsExactlyElementsOf(strings(theirs, "SELECT version_num FROM alembic_version"));
  }
}
