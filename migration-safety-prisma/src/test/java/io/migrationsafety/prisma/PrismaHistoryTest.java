package io.migrationsafety.prisma;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.MigrationSafety;
import io.migrationsafety.Review;
import io.migrationsafety.Verdict;
import io.migrationsafety.format.AppliedState;
import io.migrationsafety.format.HistoryProblem;
import io.migrationsafety.format.MigrationSet;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code _prisma_migrations} as Prisma keeps it (its DDL as Prisma creates the table), read through
 * the library's read-only path by a review given a database.
 */
class PrismaHistoryTest {

  private static final String PRISMA_TABLE = """
      CREATE TABLE "_prisma_migrations" (
          "id" VARCHAR(36) PRIMARY KEY NOT NULL,
          "checksum" VARCHAR(64) NOT NULL,
          "finished_at" TIMESTAMPTZ,
          "migration_name" VARCHAR(255) NOT NULL,
          "logs" TEXT,
          "rolled_back_at" TIMESTAMPTZ,
          "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
          "applied_steps_count" INTEGER NOT NULL DEFAULT 0
      );
      """;

  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void start() throws IOException, SQLException {
    postgres = EmbeddedPostgres.builder().start();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE ROLE reader LOGIN");
      st.execute("ALTER ROLE reader SET default_transaction_read_only = on");
    }
  }

  @AfterAll
  static void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  private static Path project(Path dir) throws IOException {
    Files.writeString(dir.resolve("migration_lock.toml"), "provider = \"postgresql\"\n");
    write(dir, "20240101000000_init", "-- CreateTable\nCREATE TABLE \"User\" (\"id\" SERIAL NOT NULL, "
        + "CONSTRAINT \"User_pkey\" PRIMARY KEY (\"id\"));\n");
    write(dir, "20240102000000_add_name", "-- AlterTable\nALTER TABLE \"User\" ADD COLUMN     \"name\" TEXT;\n");
    write(dir, "20240103000000_add_email", "-- AlterTable\nALTER TABLE \"User\" ADD COLUMN     \"email\" TEXT;\n");
    write(dir, "20240104000000_add_age", "-- AlterTable\nALTER TABLE \"User\" ADD COLUMN     \"age\" INTEGER;\n");
    write(dir, "20240105000000_index_email", "-- CreateIndex\nCREATE INDEX \"User_email_idx\" ON \"User\"(\"email\");\n");
    return dir;
  }

  private static void write(Path dir, String name, String sql) throws IOException {
    Files.createDirectories(dir.resolve(name));
    Files.writeString(dir.resolve(name).resolve("migration.sql"), sql);
  }

  /** A database where Prisma applied init and add_name (add_name edited since), failed add_email,
   *  rolled back add_age, and applied a migration whose directory is gone. */
  private static String database(String name, Path project) throws SQLException, IOException {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    try (Connection c = postgres.getDatabase("postgres", name).getConnection(); Statement st = c.createStatement()) {
      st.execute(PRISMA_TABLE);
      st.execute(Files.readString(project.resolve("20240101000000_init/migration.sql")));
      st.execute(Files.readString(project.resolve("20240102000000_add_name/migration.sql")));
      row(c, "20240101000000_init", PrismaChecksum.of(Files.readString(project.resolve("20240101000000_init/migration.sql"))
          .replace("\n", "\r\n")), "finished_at = now()");
      row(c, "20240102000000_add_name", PrismaChecksum.of("-- edited after apply\n"), "finished_at = now()");
      row(c, "20240103000000_add_email", "0".repeat(64), "logs = 'Database error code: 42P07\nmore'");
      row(c, "20240104000000_add_age", "0".repeat(64), "rolled_back_at = now()");
      row(c, "20231231000000_removed", "0".repeat(64), "finished_at = now()");
      st.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader");
    }
    return postgres.getJdbcUrl("reader", name);
  }

  private static void row(Connection c, String name, String checksum, String set) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO _prisma_migrations (id, checksum, migration_name) "
        + "VALUES (?, ?, ?)")) {
      ps.setString(1, UUID.randomUUID().toString());
      ps.setString(2, checksum);
      ps.setString(3, name);
      ps.execute();
    }
    try (Statement st = c.createStatement()) {
      st.execute("UPDATE _prisma_migrations SET " + set + " WHERE migration_name = '" + name + "'");
    }
  }

  @Test
  void reads_finished_failed_rolled_back_and_edited_migrations(@TempDir Path dir) throws Exception {
    Path project = project(dir);
    String url = database("history_read", project);
    MigrationSet set = new PrismaFormat().read(project);
    AppliedState state;
    try (Connection c = java.sql.DriverManager.getConnection(url)) {
      state = new PrismaHistory().read(c, set);
    }
    assertThat(state.source()).isEqualTo("public._prisma_migrations");
    // init matches although its checksum was taken with CRLF line ends, as Prisma allows.
    assertThat(state.applied()).containsExactlyInAnyOrder("20240101000000_init", "20240102000000_add_name");
    assertThat(state.problems()).extracting(HistoryProblem::kind, HistoryProblem::migrationId).containsExactly(
        org.assertj.core.groups.Tuple.tuple(HistoryProblem.Kind.CHECKSUM_MISMATCH, "20240102000000_add_name"),
        org.assertj.core.groups.Tuple.tuple(HistoryProblem.Kind.FAILED, "20240103000000_add_email"),
        org.assertj.core.groups.Tuple.tuple(HistoryProblem.Kind.ROLLED_BACK, "20240104000000_add_age"),
        org.assertj.core.groups.Tuple.tuple(HistoryProblem.Kind.MISSING_FILE, "20231231000000_removed"));
    assertThat(state.problems().get(1).message()).contains("42P07").doesNotContain("more");
    assertThat(state.problems().get(1).file()).isEqualTo("20240103000000_add_email/migration.sql");
  }

  @Test
  void a_review_given_the_database_covers_only_pending_migrations(@TempDir Path dir) throws Exception {
    Path project = project(dir);
    String url = database("history_review", project);
    Review review = MigrationSafety.builder().schemaFrom(url).build().review(project);
    assertThat(review.migrations()).extracting(m -> m.migration().id()).containsExactly(
        "20240103000000_add_email", "20240104000000_add_age", "20240105000000_index_email");
    assertThat(review.migrations().get(0).findings()).extracting(f -> f.rule()).contains("migration-history");
    assertThat(review.verdict()).isEqualTo(Verdict.BLOCKED);
  }

  @Test
  void a_database_without_the_table_has_applied_nothing(@TempDir Path dir) throws Exception {
    Path project = project(dir);
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE history_none");
    }
    MigrationSet set = new PrismaFormat().read(project);
    try (Connection c = postgres.getDatabase("postgres", "history_none").getConnection()) {
      AppliedState state = new PrismaHistory().read(c, set);
      assertThat(state.applied()).isEmpty();
      assertThat(state.problems()).isEmpty();
    }
  }

  @Test
  void a_pending_migration_older_than_an_applied_one_is_out_of_order(@TempDir Path dir) throws Exception {
    Path project = project(dir);
    String url = database("history_order", project);
    try (Connection c = postgres.getDatabase("postgres", "history_order").getConnection()) {
      row(c, "20240105000000_index_email", PrismaChecksum.of(Files.readString(
          project.resolve("20240105000000_index_email/migration.sql"))), "finished_at = now()");
    }
    write(project, "20240104500000_late_branch", "SELECT 1;\n");
    try (Connection c = java.sql.DriverManager.getConnection(url)) {
      AppliedState state = new PrismaHistory().read(c, new PrismaFormat().read(project));
      assertThat(state.problems()).filteredOn(p -> p.kind() == HistoryProblem.Kind.OUT_OF_ORDER)
          .extracting(HistoryProblem::migrationId).containsExactly("20240104500000_late_branch");
    }
  }
}
