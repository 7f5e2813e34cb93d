package io.migrationsafety.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal as Maven runs it once its parameters are injected. */
class ReviewMojoTest {

  @TempDir
  Path dir;

  private final ReviewMojo mojo = new ReviewMojo();
  private final StringBuilder logged = new StringBuilder();

  @BeforeEach
  void defaults() {
    mojo.setLog(new SystemStreamLog() {
      @Override
      public void info(CharSequence content) {
        logged.append(content).append('\n');
      }
    });
    mojo.directory = dir.toFile();
    mojo.basedir = dir.toFile(); // the project's migration-safety.yml, when a test writes one
    mojo.failOn = "blocked";
  }

  @Test
  void a_blocked_migration_fails_the_build_and_the_report_is_written() throws IOException {
    Files.writeString(dir.resolve("V1__index.sql"), "CREATE INDEX orders_status ON orders (status);\n");
    mojo.reportFile = dir.resolve("target/migration-safety.json").toFile();
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("BLOCKED");
    assertThat(logged).contains("V1__index.sql:1:1  BLOCKED  require-concurrent-index",
        "CREATE INDEX CONCURRENTLY orders_status ON orders (status);");
    assertThat(Files.readString(mojo.reportFile.toPath())).contains("\"format\" : \"flyway\"",
        "require-concurrent-index");
  }

  @Test
  void safe_migrations_pass_and_warnings_fail_only_when_asked() throws IOException, Exception {
    Files.writeString(dir.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
    mojo.execute();
    Files.writeString(dir.resolve("V2__notes.sql"), "ALTER TABLE customers ADD COLUMN note text;\n");
    mojo.execute();
    mojo.failOn = "warning";
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("WARNING");
  }

  @Test
  void the_project_policy_is_read_and_bad_input_fails_with_its_reason() throws IOException {
    Files.writeString(dir.resolve("V1__index.sql"), "CREATE INDEX orders_status ON orders (status);\n");
    Files.writeString(dir.resolve("migration-safety.yml"), "rules:\n  require-concurrent-index: warning\n");
    assertThatCode(mojo);
    mojo.directory = dir.resolve("missing").toFile();
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("no such directory");
    mojo.failOn = "sometimes";
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class).hasMessageContaining("failOn");
  }

  @Test
  void a_configured_policy_file_that_does_not_exist_fails_instead_of_being_ignored() throws IOException {
    Files.writeString(dir.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
    mojo.policy = dir.resolve("migration-safty.yml").toFile();
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("the policy file").hasMessageContaining("migration-safty.yml does not exist");
  }

  @Test
  void skip_reviews_nothing() throws Exception {
    mojo.directory = dir.resolve("missing").toFile();
    mojo.skip = true;
    mojo.execute();
    assertThat(logged.toString()).isEqualTo("migration-safety: skipped\n");
  }

  private static void assertThatCode(ReviewMojo mojo) {
    org.assertj.core.api.Assertions.assertThatCode(mojo::execute).doesNotThrowAnyException();
  }
}
