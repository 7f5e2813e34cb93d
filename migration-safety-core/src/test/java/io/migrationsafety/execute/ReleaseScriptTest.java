package io.migrationsafety.execute;

import static io.migrationsafety.execute.StagingDatabase.strings;
import static io.migrationsafety.execute.StagingDatabase.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationsafety.MigrationSafety;
import io.migrationsafety.Reviewer;
import io.migrationsafety.Verdict;
import io.migrationsafety.database.SchemaIntrospector;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production script, run through psql on a fresh database, gives the schema the executor gave
 * staging; run again it skips what it applied; its rollback takes the database back.
 */
class ReleaseScriptTest {

  private static StagingDatabase server;

  @TempDir
  Path dir;

  @TempDir
  Path out;

  @BeforeAll
  static void start() throws IOException {
    server = StagingDatabase.start();
  }

  @AfterAll
  static void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  private void shop(boolean withCopy) throws IOException {
    write(dir, "V1__orders.sql", """
        CREATE TABLE orders (id bigint PRIMARY KEY, code text NOT NULL, total numeric(12, 2));
        CREATE TABLE customers (id bigint PRIMARY KEY, name text);
        """);
    write(dir, "V2__note.sql", """
        ALTER TABLE orders ADD COLUMN note text;
        ALTER TABLE orders ADD COLUMN customer_id bigint REFERENCES customers (id);
        COMMENT ON COLUMN orders.note IS 'it''s free text';
        """);
    write(dir, "V3__index.sql", """
        -- migration-safety:no-transaction
        CREATE INDEX CONCURRENTLY orders_code ON orders (code);
        """);
    if (withCopy) {
      write(dir, "V4__seed.sql", "CREATE TABLE colours (id int PRIMARY KEY, name text);\n"
          + "COPY colours FROM stdin;\n1\tit's red\n2\tblue\n\\.\n");
    }
  }

  private static Reviewer reviewer() {
    return MigrationSafety.builder().build();
  }

  /** The schema without sizes and row estimates, which depend on the server's statistics, not the migrations. */
  private static Schema schemaOf(String url) throws Exception {
    try (Connection c = StagingDatabase.connect(url)) {
      Schema schema = SchemaIntrospector.introspect(c).schema();
      Map<io.migrationsafety.operation.QualifiedName, Table> tables = new TreeMap<>(Schema.NAME_ORDER);
      schema.tables().forEach((name, table) -> tables.put(name, table.withSize(null, null)));
      return new Schema(tables, schema.indexes(), schema.types(), schema.sequences(), schema.views(), schema.schemas(),
          schema.extensions());
    }
  }

  private String psql(Path script, String url) throws Exception {
    Assumptions.assumeTrue(psqlAvailable(), "psql is not on the PATH: the production script is not run here");
    String database = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?') > 0 ? url.indexOf('?') : url.length());
    Process p = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "localhost", "-p",
        String.valueOf(server.port()), "-U", "postgres", "-d", database, "-f", script.toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    return output;
  }

  private static boolean psqlAvailable() {
    try {
      return new ProcessBuilder("psql", "--version").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private Path writeScript(ReleaseScript script) throws IOException {
    Files.writeString(out.resolve("release.rollback.sql"), script.rollbackSql());
    return Files.writeString(out.resolve("release.sql"), script.sql());
  }

  @Test
  void the_script_run_by_psql_on_a_fresh_database_gives_the_schema_the_executor_gave_staging() throws Exception {
    shop(true);
    String staging = server.freshDatabase();
    String production = server.freshDatabase();
    ExecutionResult executed = reviewer().executor(StagingTarget.of(staging)).execute(dir);
    assertThat(executed.succeeded()).as("%s", executed.failure()).isTrue();

    ReleaseScript script = ReleaseScript.prepare(reviewer(), dir);
    psql(writeScript(script), production);

    assertThat(schemaOf(production)).isEqualTo(schemaOf(staging));
    assertThat(strings(production, "SELECT name FROM colours ORDER BY id")).containsExactly("it's red", "blue");
    assertThat(strings(production, "SELECT migration_id || ' ' || checksum FROM migration_safety_history ORDER BY 1"))
        .isEqualTo(strings(staging, "SELECT migration_id || ' ' || checksum FROM migration_safety_history ORDER BY 1"));
  }

  @Test
  void a_scripts_own_transaction_blocks_are_kept_and_psql_gives_the_schema_the_executor_gave() throws Exception {
    write(dir, "V1__blocks.sql", """
        -- migration-safety:no-transaction
        BEGIN;
        CREATE TABLE a (id int);
        ALTER TABLE a ADD COLUMN note text;
        COMMIT;
        CREATE INDEX CONCURRENTLY a_id ON a (id);
        BEGIN;
        ALTER TABLE a ADD COLUMN total int;
        COMMIT;
        """);
    String staging = server.freshDatabase();
    String production = server.freshDatabase();
    assertThat(reviewer().executor(StagingTarget.of(staging)).execute(dir).succeeded()).isTrue();

    ReleaseScript script = ReleaseScript.prepare(reviewer(), dir);

    String body = script.sql().substring(script.sql().indexOf("-- ==== V1__blocks.sql"));
    assertThat(body.indexOf("BEGIN;")).isLessThan(body.indexOf("CREATE TABLE a"));
    assertThat(body.indexOf("COMMIT;")).isBetween(body.indexOf("ADD COLUMN note"), body.indexOf("CREATE INDEX"));
    assertThat(body.lastIndexOf("BEGIN;")).isBetween(body.indexOf("CREATE INDEX"), body.indexOf("ADD COLUMN total"));
    psql(writeScript(script), production);
    assertThat(schemaOf(production)).isEqualTo(schemaOf(staging));
  }

  @Test
  void the_script_says_what_it_was_reviewed_as_and_keeps_concurrent_steps_outside_transactions() throws Exception {
    shop(false);

    ReleaseScript script = ReleaseScript.prepare(reviewer(), dir);

    String sql = script.sql();
    assertThat(sql).contains("-- Review verdict: " + script.review().verdict());
    assertThat(sql).contains("-- Inputs SHA-256: " + script.checksum());
    String inputs = "";
    for (String file : new String[] {"V1__orders.sql", "V2__note.sql", "V3__index.sql"}) {
      inputs += sha256(Files.readString(dir.resolve(file))) + "  " + file + "\n";
    }
    assertThat(script.checksum()).isEqualTo(sha256(inputs));
    String v3 = sql.substring(sql.indexOf("-- ==== V3__index.sql"));
    assertThat(v3).doesNotContain("BEGIN;").contains("-- V3__index.sql:2\nSET lock_timeout = '2000ms';\n"
        + "SET statement_timeout = '1800000ms';\nCREATE INDEX CONCURRENTLY orders_code ON orders (code);");
    String v2 = sql.substring(sql.indexOf("-- ==== V2__note.sql"), sql.indexOf("-- ==== V3__index.sql"));
    assertThat(v2).containsSubsequence("BEGIN;", "SET lock_timeout", "ALTER TABLE orders ADD COLUMN note text;",
        "SET lock_timeout", "ADD COLUMN customer_id", "INSERT INTO migration_safety_history", "COMMIT;");
    // each migration's heading carries the review's estimate, in the words of the text report
    for (io.migrationsafety.MigrationReview r : script.review().migrations()) {
      assertThat(sql).contains("-- estimate: " + io.migrationsafety.report.EstimateText.migration(r.estimate()));
    }
    assertThat(v3).contains("-- estimate: ");
    assertThat(script.rollbackSql()).containsSubsequence("undo V3__index.sql", "DROP INDEX CONCURRENTLY",
        "undo V2__note.sql", "undo V1__orders.sql", "DROP TABLE");
  }

  @Test
  void run_again_the_script_skips_what_it_applied_and_its_rollback_undoes_the_release() throws Exception {
    shop(false);
    String production = server.freshDatabase();
    Schema before = schemaOf(production);
    Path release = writeScript(ReleaseScript.prepare(reviewer(), dir));
    psql(release, production);
    Schema released = schemaOf(production);

    String again = psql(release, production);
    assertThat(again).contains("V1__orders.sql: already applied, skipped", "V3__index.sql: already applied, skipped");
    assertThat(schemaOf(production)).isEqualTo(released);

    psql(out.resolve("release.rollback.sql"), production);
    Schema undone = schemaOf(production);
    assertThat(undone.tables().keySet()).extracting(Object::toString).containsExactly("public.migration_safety_history");
    assertThat(undone.indexes().keySet()).extracting(Object::toString)
        .containsExactly("public.migration_safety_history_pkey");
    assertThat(before.tables()).isEmpty();
    assertThat(strings(production, "SELECT count(*) FROM migration_safety_history")).containsExactly("0");
  }

  @Test
  void a_blocked_review_writes_no_script_unless_overridden_and_then_says_why() throws Exception {
    // orders is not created here, so its size is unknown: large, and a plain CREATE INDEX blocks.
    write(dir, "V2__index.sql", "CREATE INDEX orders_code ON orders (code);\n");
    assertThat(reviewer().review(dir).verdict()).isEqualTo(Verdict.BLOCKED);

    assertThatThrownBy(() -> ReleaseScript.prepare(reviewer(), dir)).isInstanceOf(ExecutionRefusedException.class)
        .hasMessageContaining("BLOCKED");

    ReleaseScript script = ReleaseScript.prepare(reviewer(), dir, "orders is empty in production");
    assertThat(script.overrideReason()).isEqualTo("orders is empty in production");
    assertThat(script.sql()).contains("-- BLOCKED review overridden, because: orders is empty in production")
        .contains("V2__index.sql:1 BLOCKED require-concurrent-index");
  }

  @Test
  void for_a_format_whose_history_has_no_sql_the_script_says_to_record_it_with_the_tool() throws Exception {
    shop(false);
    io.migrationsafety.format.MigrationFormat toolRecorded = new io.migrationsafety.format.MigrationFormat() {
      @Override
      public String name() {
        return "tool-recorded";
      }

      @Override
      public io.migrationsafety.format.FormatMatch detect(Path directory) {
        return io.migrationsafety.format.FormatMatch.NONE;
      }

      @Override
      public io.migrationsafety.format.MigrationSet read(Path directory) {
        var plain = new io.migrationsafety.format.sql.PlainSqlFormat().read(directory);
        return new io.migrationsafety.format.MigrationSet(name(), plain.directory(), plain.migrations());
      }
    };

    ReleaseScript script = ReleaseScript.prepare(MigrationSafety.builder().format(toolRecorded).build(), dir);

    assertThat(script.sql()).contains("The tool-recorded format's history is written by its own tool")
        .doesNotContain("migration_safety_history").doesNotContain("\\if");
    assertThat(script.rollbackSql()).doesNotContain("migration_safety_history").contains("undo V1__orders.sql");
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
