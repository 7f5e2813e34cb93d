package io.migrationsafety.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code execute} and {@code script} on a Prisma project root, in process, on embedded PostgreSQL. */
class PrismaExecuteCommandTest {

  private static EmbeddedPostgres postgres;

  @TempDir
  Path root;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

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

  private int run(String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private Path project() throws IOException {
    Path migrations = Files.createDirectories(root.resolve("prisma/migrations"));
    Files.writeString(migrations.resolve("migration_lock.toml"), "provider = \"postgresql\"\n");
    Path init = Files.createDirectories(migrations.resolve("20240101000000_init"));
    Files.writeString(init.resolve("migration.sql"), "-- CreateTable\nCREATE TABLE \"User\" (\n    \"id\" SERIAL NOT NULL,\n"
        + "    \"email\" TEXT NOT NULL,\n\n    CONSTRAINT \"User_pkey\" PRIMARY KEY (\"id\")\n);\n\n"
        + "-- CreateIndex\nCREATE UNIQUE INDEX \"User_email_key\" ON \"User\"(\"email\");\n");
    Path name = Files.createDirectories(migrations.resolve("20240102000000_add_name"));
    Files.writeString(name.resolve("migration.sql"), "-- AlterTable\nALTER TABLE \"User\" ADD COLUMN     \"name\" TEXT;\n");
    return root;
  }

  private static String one(String url, String query) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(query)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void executes_a_prisma_project_on_staging_into_prisma_migrations_and_scripts_the_same_rows() throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE prisma_cli");
    }
    String url = postgres.getJdbcUrl("postgres", "prisma_cli");

    int code = run("execute", project().toString(), "--database-url", url, "--target", "staging", "--format", "json");

    assertThat(code).as(err.toString()).isZero();
    JsonNode summary = new ObjectMapper().readTree(out.toString());
    assertThat(summary.get("succeeded").asBoolean()).isTrue();
    assertThat(summary.get("migrations")).hasSize(2);
    assertThat(one(url, "SELECT string_agg(migration_name || ':' || applied_steps_count, ',' ORDER BY started_at) "
        + "FROM _prisma_migrations WHERE finished_at IS NOT NULL"))
        .isEqualTo("20240101000000_init:1,20240102000000_add_name:1");

    Path release = root.resolve("release.sql");
    assertThat(run("script", root.toString(), "-o", release.toString())).as(err.toString()).isZero();
    assertThat(Files.readString(release)).contains("CREATE TABLE IF NOT EXISTS _prisma_migrations")
        .contains("INSERT INTO _prisma_migrations").doesNotContain("written by its own tool");
  }
}
