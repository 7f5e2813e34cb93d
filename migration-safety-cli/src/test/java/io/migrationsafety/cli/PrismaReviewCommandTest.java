package io.migrationsafety.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.SchemaSnapshot;
import io.migrationsafety.schema.replay.SchemaReplayer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Prisma project reviewed end to end through the CLI: the blog project's later migrations, on a
 * snapshot of the database its first two built (with production-like table sizes), give the same
 * verdicts and JSON contract as any other format, with the Prisma rules' findings among the core's.
 */
class PrismaReviewCommandTest {

  private static final Path BLOG = Path.of("..", "migration-safety-prisma", "src", "test", "resources", "projects",
      "blog", "prisma", "migrations");
  private static final List<String> APPLIED = List.of("20240101090000_init", "20240115120000_add_profile");

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  /** The pending migrations in a Prisma project of their own, and a snapshot of what the applied ones built. */
  private Path pendingProject() throws IOException {
    Path migrations = Files.createDirectories(dir.resolve("prisma/migrations"));
    Files.copy(BLOG.resolve("migration_lock.toml"), migrations.resolve("migration_lock.toml"));
    Schema schema = Schema.empty();
    try (Stream<Path> dirs = Files.list(BLOG)) {
      for (Path m : dirs.filter(Files::isDirectory).sorted().toList()) {
        String name = m.getFileName().toString();
        String sql = Files.readString(m.resolve("migration.sql"));
        if (APPLIED.contains(name)) {
          for (ParsedStatement s : SqlParser.parse(sql, name).statements()) {
            for (Operation op : s.operations()) {
              schema = SchemaReplayer.apply(schema, op, "public").after();
            }
          }
        } else {
          Files.createDirectories(migrations.resolve(name));
          Files.writeString(migrations.resolve(name).resolve("migration.sql"), sql);
        }
      }
    }
    SchemaSnapshot.save(schema, dir.resolve("schema.json"));
    Files.writeString(dir.resolve("policy.yml"), """
        tables:
          'public."User"': { rows: 2000000 }
          'public."Post"': { rows: 5000000 }
          'public."Category"': { rows: 50 }
          'public."_CategoryToPost"': { rows: 9000000 }
          'public."Profile"': { rows: 1500000 }
        """);
    return dir;
  }

  @Test
  void reviews_a_prisma_project_with_the_json_contract() throws IOException {
    Path project = pendingProject();
    int exit = run("review", project.toString(), "--schema", dir.resolve("schema.json").toString(),
        "--policy", dir.resolve("policy.yml").toString(), "--format", "json");

    assertThat(err.toString()).isEmpty();
    assertThat(exit).isEqualTo(1);
    JsonNode report = new ObjectMapper().readTree(out.toString());
    assertThat(report.get("tool").asText()).isEqualTo("migration-safety");
    assertThat(report.get("verdict").asText()).isEqualTo("BLOCKED");
    List<String> files = new ArrayList<>();
    report.get("migrations").forEach(m -> files.add(m.get("file").asText() + " " + m.get("verdict").asText()));
    assertThat(files).containsExactly(
        "20240201080000_add_post_slug/migration.sql BLOCKED",
        "20240205000000_add_editor_role/migration.sql SAFE",
        "20240210100000_remove_guest_role/migration.sql BLOCKED",
        "20240301000000_comments/migration.sql WARNING", // foreign-key-without-index on authorId
        "20240310000000_drop_post_views/migration.sql BLOCKED",
        "20240320000000_concurrent_author_index/migration.sql SAFE");
    JsonNode slug = report.get("migrations").get(0);
    assertThat(slug.get("id").asText()).isEqualTo("20240201080000_add_post_slug");
    assertThat(slug.get("statements").asInt()).isEqualTo(2);
    assertThat(slug.get("unrecognized").asInt()).isZero();
    List<String> rules = new ArrayList<>();
    slug.get("findings").forEach(f -> rules.add(f.get("line").asInt() + " " + f.get("rule").asText()));
    assertThat(rules).contains("9 add-column-required", "9 prisma-warnings", "12 require-concurrent-index",
        "12 prisma-warnings");
    JsonNode swap = report.get("migrations").get(2).get("findings").get(0);
    assertThat(swap.get("rule").asText()).isEqualTo("prisma-enum-swap");
    assertThat(swap.get("line").asInt()).isEqualTo(9);
    assertThat(swap.get("locks").get(0).get("mode").asText()).isEqualTo("ACCESS EXCLUSIVE");
    for (JsonNode migration : report.get("migrations")) {
      assertThat(migration.get("unrecognized").asInt()).as(migration.get("file").asText()).isZero();
    }
  }

  @Test
  void a_lock_file_for_another_provider_is_bad_input_naming_file_and_line() throws IOException {
    Path project = pendingProject();
    Path lock = project.resolve("prisma/migrations/migration_lock.toml");
    Files.writeString(lock, "# Please do not edit this file manually\nprovider = \"mysql\"\n");

    assertThat(run("review", project.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(lock + ":2:").contains("\"mysql\"");
  }

  @Test
  void rollback_prints_each_prisma_migrations_rollback() throws IOException {
    Path project = pendingProject();
    run("rollback", project.resolve("prisma/migrations").toString(), "--schema", dir.resolve("schema.json").toString(),
        "--format", "json");

    JsonNode report = new ObjectMapper().readTree(out.toString());
    assertThat(report.get("migrations")).hasSize(6);
    JsonNode slug = report.get("migrations").get(0);
    assertThat(slug.get("file").asText()).isEqualTo("20240201080000_add_post_slug/migration.sql");
    assertThat(slug.get("reversible").asBoolean()).isTrue();
    assertThat(slug.get("sql").asText()).contains("DROP INDEX public.\"Post_slug_key\";");
  }
}
