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
