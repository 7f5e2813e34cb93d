package io.migrationsafety.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar as a user does: {@code java -jar migration-safety.jar …}. */
class CliJarIT {

  private static final Path JAR = Path.of(System.getProperty("cli.jar", "target/migration-safety.jar"));
  private static final Path ROOT = Path.of(System.getProperty("repository.root", ".."));

  @TempDir
  Path temp;

  record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(ROOT.toFile()).start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }

  @Test
  void the_readme_command_reviews_with_a_trace_on_the_embedded_server() throws Exception {
    Run run = run("review", "--trace", "--schema", "examples/shop-schema.json", "examples/shop", "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("traceTarget").asText()).isEqualTo("embedded PostgreSQL 16");
    for (JsonNode m : json.get("migrations")) {
      for (JsonNode statement : m.get("trace")) {
        assertThat(statement.get("traced").asBoolean()).as(statement.toString()).isTrue();
        assertThat(statement.get("locks").isArray()).isTrue();
      }
    }
    assertThat(run.err()).as("no logging noise").isEmpty();
  }

  @Test
  void an_interrupted_trace_stops_and_deletes_its_server() throws Exception {
    Path migrations = Files.createDirectories(temp.resolve("db"));
    Files.writeString(migrations.resolve("V1__slow.sql"), "SELECT pg_sleep(120);\n");
    Path tmp = Files.createDirectories(temp.resolve("tmp"));
    Path servers = tmp.resolve("migration-safety-postgres");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + tmp, "-jar", JAR.toAbsolutePath().toString(), "trace", migrations.toString())
        .redirectErrorStream(true).redirectOutput(temp.resolve("out.txt").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!running(servers)) {
      assertThat(System.nanoTime()).as("the trace server started").isLessThan(deadline);
      assertThat(process.isAlive()).as(Files.readString(temp.resolve("out.txt"))).isTrue();
      Thread.sleep(200);
    }
    Thread.sleep(1000);

    process.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the JVM runs its shutdown hooks
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    try (var left = Files.list(servers)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("run-"));
    }
  }

  /** Whether a trace server's data directory (a copy of the template) exists and has started. */
  private static boolean running(Path servers) throws IOException {
    if (!Files.isDirectory(servers)) {
      return false;
    }
    try (var dirs = Files.list(servers)) {
      return dirs.anyMatch(d -> d.getFileName().toString().startsWith("run-") && Files.exists(d.resolve("postmaster.pid")));
    }
  }

  @Test
  void a_blocked_example_exits_with_1_and_json_follows_the_contract() throws Exception {
    Run run = run("review", "examples/shop", "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("tool").asText()).isEqualTo("migration-safety");
    assertThat(json.get("version").isTextual()).isTrue();
    assertThat(json.get("verdict").asText()).isEqualTo("BLOCKED");
    JsonNode migrations = json.get("migrations");
    assertThat(migrations.isArray()).isTrue();
    assertThat(migrations).hasSize(3);
    for (JsonNode m : migrations) {
      assertThat(m.get("file").isTextual()).isTrue();
      assertThat(m.get("id").isTextual()).isTrue();
      assertThat(m.get("verdict").asText()).isIn("BLOCKED", "WARNING", "SAFE");
      assertThat(m.get("statements").isInt()).isTrue();
      assertThat(m.get("unrecognized").isInt()).isTrue();
      for (JsonNode f : m.get("findings")) {
        assertThat(f.get("rule").isTextual()).isTrue();
        assertThat(f.get("severity").asText()).isIn("BLOCKED", "WARNING", "INFO");
        assertThat(f.get("line").isInt()).isTrue();
        assertThat(f.get("column").isInt()).isTrue();
        assertThat(f.get("message").isTextual()).isTrue();
        assertThat(f.get("why").isTextual()).isTrue();
        assertThat(f.has("suggestion")).isTrue();
        for (JsonNode lock : f.get("locks")) {
          assertThat(lock.get("relation").isTextual()).isTrue();
          assertThat(lock.get("mode").asText()).matches("[A-Z ]+");
          assertThat(lock.get("rewrite").isBoolean()).isTrue();
        }
      }
    }
    JsonNode first = migrations.get(0);
    assertThat(first.get("file").asText()).isEqualTo("V12__order_notes_and_status_index.sql");
    assertThat(first.get("verdict").asText()).isEqualTo("BLOCKED");
    JsonNode finding = null;
    for (JsonNode f : first.get("findings")) {
      if (f.get("rule").asText().equals("require-concurrent-index")) {
        finding = f;
      }
    }
    assertThat(finding).as("the require-concurrent-index finding of V12").isNotNull();
    assertThat(finding.get("line").asInt()).isEqualTo(4);
    assertThat(finding.get("suggestion").asText()).contains("CREATE INDEX CONCURRENTLY orders_status_idx");
    assertThat(finding.at("/locks/0/relation").asText()).isEqualTo("public.orders");
    assertThat(finding.at("/locks/0/mode").asText()).isEqualTo("SHARE");
  }

  @Test
  void a_safe_example_exits_with_0() throws Exception {
    Run run = run("review", "examples/shop-safe");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("Verdict: SAFE");
  }

  @Test
  void bad_input_exits_with_2_and_says_what_is_wrong() throws Exception {
    Run missing = run("review", temp.resolve("nope").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no such directory");

    Files.writeString(temp.resolve("V1__broken.sql"), "SELECT 'unterminated;\n");
    Run broken = run("review", temp.toString());
    assertThat(broken.exitCode()).isEqualTo(2);
    assertThat(broken.err()).contains("V1__broken.sql:1:8: unterminated string constant");

    Run usage = run("review");
    assertThat(usage.exitCode()).isEqualTo(2);
  }

  @Test
  void rules_lists_every_rule_with_its_docs_page() throws Exception {
    Run run = run("rules");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("require-concurrent-index").contains("docs/rules/require-concurrent-index.md");
  }
}
