package io.migrationsafety.alembic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.migrationsafety.database.DatabaseTarget;
import io.migrationsafety.drift.Drift;
import io.migrationsafety.drift.DriftReport;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sa.inspect(op.get_bind())} answered from the schema the earlier revisions leave. The real
 * Alembic is the oracle: it runs {@code src/test/resources/alembic/inspect} online on one database,
 * the statically translated SQL runs on another, and the two schemas must be the same.
 */
class AlembicInspectionTest {

  private static final Path PROJECT = Path.of("src/test/resources/alembic/inspect");
  private static EmbeddedPostgres postgres;

  @TempDir
  Path dir;

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

  private static String up(MigrationSet set, String id) {
    return set.migrations().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow().upScript();
  }

  private static List<String> statements(String sql) {
    return SqlParser.parse(sql, "t.py").statements().stream().map(s -> s.statement().text()).toList();
  }

  @Test
  void names_looked_up_in_the_database_are_those_postgresql_chose() {
    MigrationSet set = new AlembicFormat().read(PROJECT);
    assertThat(statements(up(set, "i2"))).containsExactly(
        "ALTER TABLE ports DROP CONSTRAINT ports_tenant_id_fkey",
        "ALTER TABLE ports ADD CONSTRAINT ports_tenant_id_fkey FOREIGN KEY(tenant_id) REFERENCES tenants (id) "
            + "ON DELETE CASCADE",
        "DROP INDEX ix_ports_tenant_id",
        "CREATE INDEX ix_ports_project_id ON ports (tenant_id)",
        "ALTER TABLE ports DROP CONSTRAINT ports_mac_key",
        "ALTER TABLE ports ADD CONSTRAINT uniq_ports0mac0name UNIQUE (mac, name)",
        "ALTER TABLE ports ALTER COLUMN name TYPE VARCHAR(255)",
        "ALTER TABLE legacy DROP CONSTRAINT legacy_pkey",
        "ALTER TABLE legacy ADD COLUMN id INTEGER DEFAULT '0' NOT NULL",
        "ALTER TABLE legacy ADD CONSTRAINT pk_legacy PRIMARY KEY (id)",
        "CREATE TABLE audit (id SERIAL NOT NULL, PRIMARY KEY (id))");
    // the next revision's inspector sees what i2 did
    assertThat(statements(up(set, "i3"))).containsExactly(
        "ALTER TABLE ports DROP CONSTRAINT ports_tenant_id_fkey",
        "DROP INDEX ix_ports_project_id",
        "DROP TABLE audit");
  }

  @Test
  void the_schema_matches_what_alembic_builds_online() throws Exception {
    String why = PythonAlembic.cannotConnect();
    assumeTrue(why == null, () -> "skipped: " + why);
    DataSource theirs = database("alembic_online");
    Path copy = AlembicOracleTest.copy(PROJECT, dir.resolve("inspect"));
    String url = "postgresql://postgres@localhost:" + postgres.getPort() + "/alembic_online";
    PythonAlembic.Result run = PythonAlembic.python(copy, List.of("-m", "alembic", "upgrade", "heads"),
        Map.of("MIGRATION_SAFETY_TEST_URL", url));
    assertThat(run.exit()).as(run.err()).isZero();

    DataSource ours = database("static_translation");
    MigrationSet set = new AlembicFormat().read(PROJECT);
    try (Connection c = ours.getConnection(); Statement st = c.createStatement()) {
      // what Alembic creates before the first revision
      st.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
          + "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))");
      c.setAutoCommit(false);
      for (Migration m : set.migrations()) {
        for (ParsedStatement s : SqlParser.parse(m.upScript(), m.file().toString()).statements()) {
          assertThat(s.isUnrecognized()).as(s.statement().text()).isFalse();
          st.execute(s.statement().text());
        }
        c.commit();
      }
    }
    DriftReport drift = Drift.between(DatabaseTarget.of(ours), DatabaseTarget.of(theirs), true);
    assertThat(drift.comparable()).as(drift.text()).isTrue();
    assertThat(drift.drifted()).as(drift.text()).isFalse();
  }

  @Test
  void an_inspection_on_an_incomplete_model_is_reported() throws IOException {
    revision("a1", "None", "op.create_table('t', sa.Column('id', sa.Integer(), primary_key=True))\n"
        + "    op.execute(application.sql())");
    revision("b2", "'a1'", "insp = sa.inspect(op.get_bind())\n"
        + "    for fk in insp.get_foreign_keys('t'):\n"
        + "        op.drop_constraint(fk['name'], 't', type_='foreignkey')");
    String b2 = up(new AlembicFormat().read(dir), "b2");
    assertThat(SqlParser.parse(b2, "b2").statements()).singleElement().satisfies(s -> {
      assertThat(s.isUnrecognized()).isTrue();
      assertThat(s.statement().text()).contains("the database inspector answers from the schema replayed from the "
          + "earlier revisions, which is incomplete").contains("a1_step.py:11: statement not understood");
    });
  }

  @Test
  void an_inspector_remembers_its_first_answer_as_sqlalchemys_does() throws IOException {
    revision("a1", "None", "op.create_table('t', sa.Column('id', sa.Integer(), primary_key=True))");
    revision("b2", "'a1'", "insp = sa.inspect(op.get_bind())\n"
        + "    if 'u' not in insp.get_table_names():\n"
        + "        op.create_table('u', sa.Column('id', sa.Integer(), primary_key=True))\n"
        + "    if 'u' not in insp.get_table_names():\n"
        + "        op.execute('SELECT 1')\n"
        + "    if 'u' in sa.inspect(op.get_bind()).get_table_names():\n"
        + "        op.execute('SELECT 2')");
    assertThat(statements(up(new AlembicFormat().read(dir), "b2"))).containsExactly(
        "CREATE TABLE u (id SERIAL NOT NULL, PRIMARY KEY (id))", "SELECT 1", "SELECT 2");
  }

  private void revision(String id, String down, String body) throws IOException {
    Path file = dir.resolve("versions").resolve(id + "_step.py");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "from alembic import op\nimport sqlalchemy as sa\nimport application\n\nrevision = '"
        + id + "'\ndown_revision = " + down + "\n\n\ndef upgrade():\n    " + body + "\n");
  }
}
