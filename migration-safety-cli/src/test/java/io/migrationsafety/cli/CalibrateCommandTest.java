package io.migrationsafety.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.estimate.Rates;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCommandTest {

  private static EmbeddedPostgres postgres;

  @TempDir
  Path dir;

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

  @Test
  void measures_saves_and_the_review_uses_the_rates() throws IOException {
    Path rates = dir.resolve("rates.json");
    int code = run("calibrate", "--database-url", postgres.getJdbcUrl("postgres", "postgres"), "--rows", "5000",
        "--machine", "test box", "-o", rates.toString());

    assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK.code());
    assertThat(err.toString()).contains("calibrating on jdbc:postgresql://", "table rewrite");
    assertThat(out.toString()).contains("saved to " + rates, "b-tree index build", "test box, 5000 rows");
    assertThat(Rates.load(rates).measuredOn()).contains("test box");

    Path migrations = Files.createDirectories(dir.resolve("m"));
    Files.writeString(migrations.resolve("V1__t.sql"), "CREATE TABLE t (id bigint PRIMARY KEY);\n");
    assertThat(run("review", migrations.toString(), "--rates", rates.toString())).isEqualTo(ExitCode.OK.code());
  }

  @Test
  void a_file_that_is_not_rates_is_bad_input_naming_it() throws IOException {
    Path bad = dir.resolve("rates.json");
    Files.writeString(bad, "{}");
    Path migrations = Files.createDirectories(dir.resolve("m"));
    Files.writeString(migrations.resolve("V1__t.sql"), "CREATE TABLE t (id bigint PRIMARY KEY);\n");
    assertThat(run("review", migrations.toString(), "--rates", bad.toString())).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(err.toString()).contains("error: " + bad + ": not a rates file");
  }

  @Test
  void too_few_rows_and_an_unreachable_server_are_refused() {
    assertThat(run("calibrate", "--database-url", postgres.getJdbcUrl("postgres", "postgres"), "--rows", "10"))
        .isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(run("calibrate", "--database-url", "postgres://u:secret@127.0.0.1:1/none"))
        .isEqualTo(ExitCode.DATABASE.code());
    assertThat(err.toString()).doesNotContain("secret");
  }
}
