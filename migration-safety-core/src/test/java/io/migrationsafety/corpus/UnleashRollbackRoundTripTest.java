package io.migrationsafety.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Rollback round trips on the db-migrate migrations of {@code unleash-server@8.2.0}: 397 migrations,
 * each with a hand-written down migration, fetched at test time with {@code npm pack} into
 * {@code target/unleash} (skipped, with a message, where npm or node is missing). A small node script
 * ({@code db-migrate-sql.js}) runs each migration's {@code up} on a scratch database through a
 * recorder in place of db-migrate's driver (so that migrations that read rows see real ones), records
 * what its {@code down} would send, and prints the SQL; the chain then runs on a real PostgreSQL as
 * {@link CorpusRollbackRoundTripTest} runs the create scripts.
 */
class UnleashRollbackRoundTripTest {

  private static final String PACKAGE = "unleash-server@8.2.0";
  /** What the reader needs: the one module the migrations require, and a PostgreSQL client. */
  private static final String[] MODULES = {"async@3.2.6", "pg@8.16.3"};
  private static final Path WORK = Path.of("target", "unleash");

  @Test
  void synthesized_rollbacks_and_down_migrations_round_trip_on_postgres() throws Exception {
    Path migrations = fetch();
    ChainRoundTrip.Figures figures;
    Map<String, List<String>> marked = new TreeMap<>();
    int noOpDowns = 0;
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      List<ChainRoundTrip.Step> chain = new ArrayList<>();
      for (JsonNode migration : readMigrations(postgres, migrations)) {
        String name = migration.get("name").asText();
        JsonNode up = migration.get("up");
        JsonNode down = migration.get("down");
        if (up.has("error")) {
          marked.computeIfAbsent("up failed (" + up.get("error").asText() + ")", k -> new ArrayList<>()).add(name);
          continue;
        }
        for (JsonNode note : up.get("notes")) {
          marked.computeIfAbsent(note.asText(), k -> new ArrayList<>()).add(name);
        }
        String downSql = down.has("error") ? null : sql(down);
        if (downSql != null && downSql.isBlank()) {
          noOpDowns++;
          downSql = null;
        }
        chain.add(new ChainRoundTrip.Step(name, sql(up), downSql));
      }
      assertThat(chain).as("migrations read from %s", PACKAGE).hasSizeGreaterThan(390);
      figures = ChainRoundTrip.run("unleash", postgres, "unleash", chain);
    }
    System.out.println(figures);
    System.out.printf("  down migrations that do nothing: %d; migrations marked by the reader: %s%n", noOpDowns,
        marked);
    assertThat(figures.synthesizedFailures).as("synthesized rollbacks that do not round-trip").isEmpty();
  }

  /** The SQL a direction runs, each recorded piece ended with a semicolon. */
  private static String sql(JsonNode direction) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode piece : direction.get("sql")) {
      String text = piece.asText().strip();
      sb.append(text).append(text.endsWith(";") || text.isEmpty() ? "" : ";").append('\n');
    }
    return sb.toString();
  }

  /** The package's migrations directory, fetched and unpacked into target/unleash once, with the reader's modules. */
  private static Path fetch() throws IOException, InterruptedException {
    Path migrations = WORK.resolve("package/dist/migrations");
    if (Files.isDirectory(migrations) && Files.isDirectory(WORK.resolve("node_modules/pg"))) {
      return migrations;
    }
    Files.createDirectories(WORK);
    Assumptions.assumeTrue(works("npm", "--version") && works("node", "--version"),
        "npm and node are needed to fetch and read " + PACKAGE + "; skipped");
    String out = exec(WORK, Map.of(), "npm", "pack", PACKAGE, "--silent").strip();
    exec(WORK, Map.of(), "tar", "xzf", out.substring(out.lastIndexOf('\n') + 1).strip());
    List<String> install = new ArrayList<>(List.of("npm", "install", "--no-save", "--no-package-lock", "--silent"));
    install.addAll(List.of(MODULES));
    exec(WORK, Map.of(), install.toArray(String[]::new));
    return migrations;
  }

  /** Runs the reader on a database of its own on {@code postgres}. */
  private static JsonNode readMigrations(EmbeddedPostgres postgres, Path migrations)
      throws IOException, InterruptedException, java.sql.SQLException {
    try (java.sql.Connection admin = postgres.getPostgresDatabase().getConnection();
         java.sql.Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE unleash_reader");
    }
    Path script = WORK.resolve("db-migrate-sql.js");
    try (InputStream in = UnleashRollbackRoundTripTest.class.getResourceAsStream("db-migrate-sql.js")) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    Map<String, String> database = Map.of("PGHOST", "localhost", "PGPORT", String.valueOf(postgres.getPort()),
        "PGUSER", "postgres", "PGDATABASE", "unleash_reader");
    String json = exec(WORK, database, "node", script.getFileName().toString(),
        WORK.relativize(migrations).toString());
    return new ObjectMapper().readTree(json);
  }

  private static boolean works(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String exec(Path dir, Map<String, String> environment, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().putAll(environment);
    builder.environment().put("NODE_PATH", dir.toAbsolutePath().resolve("node_modules").toString());
    Path errors = dir.resolve(command[0] + ".err");
    builder.redirectError(errors.toFile());
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("%s finished", String.join(" ", command)).isTrue();
    assertThat(p.exitValue()).as("exit status of %s: %s", String.join(" ", command), Files.readString(errors))
        .isZero();
    return out;
  }
}
