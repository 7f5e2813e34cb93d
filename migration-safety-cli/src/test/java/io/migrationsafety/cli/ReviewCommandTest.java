package io.migrationsafety.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.policy.PolicyLoader;
import io.migrationsafety.policy.Policy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewCommandTest {

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path migrations;

  @BeforeEach
  void migrations() throws IOException {
    migrations = Files.createDirectories(dir.resolve("db"));
    Files.writeString(migrations.resolve("V1__index.sql"), "CREATE INDEX orders_created_idx ON orders (created_at);\n");
  }

  private int run(String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void markdown_report_has_a_status_line_a_table_and_details() {
    assertThat(run("review", migrations.toString(), "--format", "markdown")).isEqualTo(1);

    assertThat(out.toString()).startsWith("### 🔴 migration-safety: blocked (1 migration, PostgreSQL 16)")
        .contains("| 🔴 | `V1__index.sql` | 1 | 1 |")
        .contains("<details><summary><code>V1__index.sql</code>: 1 finding</summary>")
        .contains("CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);");
  }

  @Test
  void a_policy_can_lower_the_severity_and_fail_on_warning_widens_the_exit_code() throws IOException {
    Path policy = Files.writeString(dir.resolve("policy.yml"), "rules:\n  require-concurrent-index: warning\n");

    assertThat(run("review", migrations.toString(), "--policy", policy.toString())).isZero();
    assertThat(run("review", migrations.toString(), "--policy", policy.toString(), "--fail-on", "warning"))
        .isEqualTo(1);
  }

  @Test
  void a_broken_policy_is_bad_input_naming_its_line() throws IOException {
    Path policy = Files.writeString(dir.resolve("policy.yml"), "postgres_version: 16\nlarge_table_rows: [1]\n");

    assertThat(run("review", migrations.toString(), "--policy", policy.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("policy.yml:2:");
  }

  @Test
  void unknown_format_and_version_out_of_range_are_bad_input() {
    assertThat(run("review", migrations.toString(), "--format", "xml")).isEqualTo(2);
    assertThat(err.toString()).contains("--format xml is not known; use one of text, json, markdown");
    assertThat(run("review", migrations.toString(), "--pg-version", "9")).isEqualTo(2);
  }

  @Test
  void init_writes_the_default_policy_and_refuses_to_overwrite() {
    Path file = dir.resolve("migration-safety.yml");

    assertThat(run("init", "-o", file.toString())).isZero();
    assertThat(PolicyLoader.load(file).policy()).isEqualTo(Policy.defaults());
    assertThat(run("init", "-o", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("already exists; use --force");
    assertThat(run("init", "-o", file.toString(), "--force")).isZero();
  }

  @Test
  void every_command_has_help() {
    for (String command : new String[] {"review", "rules", "init", "parse"}) {
      assertThat(run(command, "--help")).as(command).isZero();
    }
    assertThat(out.toString()).contains("Usage: migration-safety review").contains("--fail-on");
  }
}
