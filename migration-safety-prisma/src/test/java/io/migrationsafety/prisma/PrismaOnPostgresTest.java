package io.migrationsafety.prisma;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.database.ModelFacts;
import io.migrationsafety.database.SchemaIntrospector;
import io.migrationsafety.format.DownScriptFile;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.format.RollbackScript;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.rollback.RollbackPlan;
import io.migrationsafety.rollback.RollbackStep;
import io.migrationsafety.rollback.Rollbacks;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.replay.SchemaReplayer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The evidence on real PostgreSQL, for each Prisma project: its migrations are applied in
 * order as Prisma applies them (each {@code migration.sql} sent as one script), and after each one
 * the introspected schema equals the replayed model; then every {@code down.sql} is written by the
 * Prisma writer from the synthesized rollback, run in reverse order as {@code prisma db execute}
 * would run it, and after each one the schema is the one before that migration, down to the empty
 * schema.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrismaOnPostgresTest {

  private EmbeddedPostgres postgres;

  @BeforeAll
  void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  static Stream<Arguments> projects() {
    return Stream.of(
        // blog: all but the migration adding an enum value, which PostgreSQL cannot take back.
        Arguments.of("blog", (Supplier<Path>) () -> PrismaProjects.resource("blog"), 7),
        // qualified: Prisma 6.16+ output, every name schema-qualified, two schemas, a customised index.
        Arguments.of("qualified", (Supplier<Path>) () -> PrismaProjects.resource("qualified"), 5),
        // umami: its backfill UPDATEs and a DROP TABLE lose data no rollback can restore.
        Arguments.of("umami", (Supplier<Path>) PrismaProjects::umamiMigrations, 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("projects")
  void migrations_replay_as_applied_and_down_scripts_return_to_the_empty_schema(String name, Supplier<Path> source,
      int reversible, @TempDir Path work) throws IOException, SQLException {
    Path project = copy(source.get(), work.resolve(name));
    MigrationSet set = new PrismaFormat().read(project);
    String database = "prisma_" + name;
    List<Schema> before = new ArrayList<>();
    Schema replayed = Schema.empty();
    try (Connection c = freshDatabase(database); Statement st = c.createStatement()) {
      for (Migration migration : set.migrations()) {
        before.add(replayed);
        st.execute(migration.upScript());
        replayed = replay(replayed, migration.upScript(), migration.id());
        assertThat(ModelFacts.differences(replayed, introspect(c), false))
            .as("replayed and introspected schema after %s", migration.id()).isEmpty();
      }
    }

    List<RollbackPlan> plans = Rollbacks.plan(set, Schema.empty());
    PrismaDownScriptWriter writer = new PrismaDownScriptWriter();
    List<String> irreversible = new ArrayList<>();
    int written = 0;
    Connection c = postgres.getDatabase("postgres", database).getConnection();
    try {
      for (int i = set.migrations().size() - 1; i >= 0; i--) {
        Migration migration = set.migrations().get(i);
        RollbackPlan plan = plans.get(i);
        if (!plan.reversible()) {
          // rollback --write skips it; the next rollback down starts from a database rebuilt without it.
          plan.irreversible().forEach(step -> irreversible.add(migration.id() + ": " + step.reason()));
          c.close();
          c = freshDatabase(database);
          try (Statement st = c.createStatement()) {
            for (Migration earlier : set.migrations().subList(0, i)) {
              st.execute(earlier.upScript());
            }
          }
          continue;
        }
        DownScriptFile down = writer.write(set, migration, script(plan));
        Files.writeString(down.file(), down.text(), StandardCharsets.UTF_8);
        written++;
        try (Statement st = c.createStatement()) {
          st.execute(Files.readString(down.file(), StandardCharsets.UTF_8));
        }
        assertThat(ModelFacts.differences(before.get(i), introspect(c), false))
            .as("schema after running %s, against the schema before the migration", down.file()).isEmpty();
      }
      Schema end = introspect(c);
      assertThat(end.tables()).isEmpty();
      assertThat(end.types()).isEmpty();
      assertThat(end.sequences()).isEmpty();
    } finally {
      c.close();
    }
    System.out.printf("prisma %s: %d migrations, %d down.sql written and run back to the empty schema; "
        + "irreversible: %s%n", name, set.migrations().size(), written, irreversible);
    assertThat(written).as("down.sql files written").isEqualTo(reversible);
    assertThat(irreversible).as("only what PostgreSQL or lost rows make irreversible").allMatch(r ->
        r.contains("cannot remove an enum value") || r.contains("deletes its rows") || r.contains("UPDATE changes rows"));
  }

  private Connection freshDatabase(String database) throws SQLException {
    try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement st = admin.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + database);
      st.execute("CREATE DATABASE " + database);
    }
    return postgres.getDatabase("postgres", database).getConnection();
  }

  /** The plan as the CLI's {@code rollback --write} hands it to a format's writer. */
  static RollbackScript script(RollbackPlan plan) {
    List<String> statements = plan.steps().stream().filter(s -> s instanceof RollbackStep.Inverse)
        .flatMap(s -> ((RollbackStep.Inverse) s).statements().stream()).toList();
    return new RollbackScript(plan.sql(), statements, plan.outsideTransaction());
  }

  private static Schema introspect(Connection c) {
    return SchemaIntrospector.introspect(c).schema().withExtension("plpgsql", false);
  }

  private static Schema replay(Schema schema, String script, String file) {
    Schema result = schema;
    for (ParsedStatement statement : SqlParser.parse(script, file).statements()) {
      for (Operation op : statement.operations()) {
        result = SchemaReplayer.apply(result, op, "public").after();
      }
    }
    return result;
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }
}
