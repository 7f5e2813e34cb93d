package io.migrationsafety.alembic;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.MigrationReview;
import io.migrationsafety.MigrationSafety;
import io.migrationsafety.Review;
import io.migrationsafety.database.DatabaseTarget;
import io.migrationsafety.format.AppliedState;
import io.migrationsafety.format.HistoryProblem;
import io.migrationsafety.format.MigrationSet;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** alembic_version, read through the read-only path: its heads and all they follow have run. */
class AlembicVersionReaderTest {

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

  private void database(String sql) throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS alembic_version; DROP TABLE IF EXISTS orders; " + sql);
    }
  }

  private void revision(String id, String down, String body) throws IOException {
    Path file = dir.resolve("versions").resolve(id + "_step.py");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "from alembic import op\nimport sqlalchemy as sa\n\nrevision = '" + id + "'\ndown_revision = "
        + down + "\n\n\ndef upgrade():\n    " + body + "\n");
  }

  private void project() throws IOException {
    revision("a1", "None", "op.create_table('orders', sa.Column('id', sa.BigInteger(), primary_key=True))");
    revision("b2", "'a1'", "op.add_column('orders', sa.Column('note', sa.Text()))");
    revision("c3", "'b2'", "op.create_index('orders_note_idx', 'orders', ['note'])");
  }

  private AppliedState read() {
    MigrationSet set = new AlembicFormat().read(dir);
    return DatabaseTarget.of(postgres.getPostgresDatabase()).readHistory(set, new AlembicVersionReader(), true)
        .applied();
  }

  @Test
  void the_head_and_every_revision_below_it_are_applied() throws IOException, SQLException {
    project();
    database("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY); "
        + "INSERT INTO alembic_version VALUES ('b2');");
    AppliedState state = read();
    assertThat(state.source()).isEqualTo("public.alembic_version");
    assertThat(state.applied()).containsExactlyInAnyOrder("a1", "b2");
    assertThat(state.problems()).isEmpty();
  }

  @Test
  void without_the_table_nothing_is_applied() throws IOException, SQLException {
    project();
    database("");
    AppliedState state = read();
    assertThat(state.known()).isTrue();
    assertThat(state.applied()).isEmpty();
  }

  @Test
  void a_head_no_file_declares_is_a_history_problem() throws IOException, SQLException {
    project();
    database("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY); "
        + "INSERT INTO alembic_version VALUES ('zz9');");
    AppliedState state = read();
    assertThat(state.applied()).isEmpty();
    assertThat(state.problems()).extracting(HistoryProblem::kind).containsExactly(HistoryProblem.Kind.MISSING_FILE);
    assertThat(state.problems().get(0).message()).contains("zz9");
  }

  /** base, then two branches l1 and r1, merged by m; the writer keeps the heads as Alembic does. */
  @Test
  void the_history_writer_keeps_the_heads_as_alembic_does_and_the_reader_agrees() throws IOException, SQLException {
    revision("base", "None", "op.create_table('t', sa.Column('id', sa.Integer(), primary_key=True))");
    revision("l1", "'base'", "op.add_column('t', sa.Column('l', sa.Text()))");
    revision("r1", "'base'", "op.add_column('t', sa.Column('r', sa.Text()))");
    revision("m", "('l1', 'r1')", "pass");
    database("");
    MigrationSet set = new AlembicFormat().read(dir);
    AlembicHistory history = new AlembicHistory();
    try (Connection c = postgres.getPostgresDatabase().getConnection()) {
      history.prepare(c);
      for (String id : java.util.List.of("base", "l1", "r1")) {
        history.recordApplied(c, set, new io.migrationsafety.format.AppliedRun(migration(set, id), id + "_step.py",
            java.time.Duration.ZERO, null));
      }
      assertThat(heads(c)).containsExactly("l1", "r1");
      assertThat(applied(c, history.appliedQuery(set, migration(set, "base")))).isTrue();
      assertThat(applied(c, history.appliedQuery(set, migration(set, "m")))).isFalse();
      history.recordApplied(c, set, new io.migrationsafety.format.AppliedRun(migration(set, "m"), "m_step.py",
          java.time.Duration.ZERO, null));
      assertThat(heads(c)).containsExactly("m");
      assertThat(read().applied()).containsExactlyInAnyOrder("base", "l1", "r1", "m");
      try (Statement st = c.createStatement()) {
        st.execute(history.forget(set, migration(set, "m")));
      }
      assertThat(heads(c)).containsExactly("l1", "r1");
    }
  }

  private static io.migrationsafety.format.Migration migration(MigrationSet set, String id) {
    return set.migrations().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
  }

  private static java.util.List<String> heads(Connection c) throws SQLException {
    java.util.List<String> out = new java.util.ArrayList<>();
    try (Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT version_num FROM alembic_version ORDER BY 1")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static boolean applied(Connection c, String query) throws SQLException {
    try (Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(query)) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  @Test
  void a_review_against_the_database_covers_the_pending_revisions_only() throws IOException, SQLException {
    project();
    database("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY); "
        + "INSERT INTO alembic_version VALUES ('b2'); CREATE TABLE orders (id bigint PRIMARY KEY, note text);");
    Review review = MigrationSafety.builder().schemaFrom(postgres.getPostgresDatabase())
        .allowWritableConnection(true).build().review(dir);
    assertThat(review.migrations()).extracting(MigrationReview::file).containsExactly("versions/c3_step.py");
    assertThat(review.migrations().get(0).findings()).extracting(f -> f.rule()).contains("require-concurrent-index");
  }
}
