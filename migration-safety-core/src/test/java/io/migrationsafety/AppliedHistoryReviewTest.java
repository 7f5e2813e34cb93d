package io.migrationsafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationsafety.database.WritableConnectionException;
import io.migrationsafety.format.AppliedState;
import io.migrationsafety.format.AppliedStateReader;
import io.migrationsafety.format.FormatMatch;
import io.migrationsafety.format.HistoryProblem;
import io.migrationsafety.format.MigrationFormat;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.format.sql.PlainSqlFormat;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A review given a database reads the format's history there through the read-only path: applied
 * migrations are not reviewed again, the pending ones are reviewed on the introspected schema, and
 * what is wrong with the history is reported.
 */
class AppliedHistoryReviewTest {

  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void start() throws IOException, SQLException {
    postgres = EmbeddedPostgres.builder().start();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("""
          CREATE TABLE history (id text PRIMARY KEY, success boolean NOT NULL);
          INSERT INTO history VALUES ('1', true), ('2', false), ('0', true);
          CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);
          INSERT INTO orders SELECT g, g FROM generate_series(1, 100) g;
          ANALYZE orders;
          CREATE ROLE reader LOGIN;
          GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader;
          ALTER ROLE reader SET default_transaction_read_only = on;
          """);
    }
  }

  @AfterAll
  static void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  /** Plain SQL files whose history is the table {@code history}: one row per run, with its outcome. */
  static final class RecordedSql implements MigrationFormat {
    @Override
    public String name() {
      return "recorded-sql";
    }

    @Override
    public FormatMatch detect(Path directory) {
      return FormatMatch.NONE;
    }

    @Override
    public MigrationSet read(Path directory) {
      MigrationSet plain = new PlainSqlFormat().read(directory);
      return new MigrationSet(name(), plain.directory(), plain.migrations());
    }

    @Override
    public Optional<AppliedStateReader> history() {
      return Optional.of((connection, set) -> {
        Set<String> applied = new HashSet<>();
        List<HistoryProblem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        set.migrations().forEach(m -> ids.add(m.id()));
        try (Statement st = connection.createStatement();
            ResultSet rs = st.executeQuery("SELECT id, success FROM history ORDER BY id")) {
          while (rs.next()) {
            String id = rs.getString(1);
            if (!ids.contains(id)) {
              problems.add(new HistoryProblem(HistoryProblem.Kind.MISSING_FILE, id, null,
                  "history records migration " + id + ", which has no file"));
            } else if (rs.getBoolean(2)) {
              applied.add(id);
            } else {
              problems.add(new HistoryProblem(HistoryProblem.Kind.FAILED, id, "V" + id + "__b.sql",
                  "history records a failed run of " + id));
            }
          }
        }
        return new AppliedState("public.history", applied, problems);
      });
    }
  }

  private static Path project(Path dir) throws IOException {
    Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);\n");
    Files.writeString(dir.resolve("V2__b.sql"), "ALTER TABLE orders ADD COLUMN note text;\n");
    Files.writeString(dir.resolve("V3__c.sql"), "CREATE INDEX orders_total ON orders (total);\n");
    return dir;
  }

  @Test
  void reviews_only_pending_migrations_and_reports_the_history(@TempDir Path dir) throws IOException {
    Review review = MigrationSafety.builder()
        .schemaFrom(postgres.getJdbcUrl("reader", "postgres"))
        .format(new RecordedSql())
        .build()
        .review(project(dir));

    // V1 ran: its CREATE TABLE would otherwise conflict with the introspected orders table.
    assertThat(review.migrations()).extracting(m -> m.migration().id()).containsExactly("2", "3");
    assertThat(review.applied().source()).isEqualTo("public.history");
    assertThat(review.applied().applied()).containsExactly("1");
    assertThat(review.setFindings()).extracting(f -> f.rule() + ": " + f.message()).containsExactly(
        "migration-history: history records migration 0, which has no file");
    assertThat(review.migrations().get(0).findings()).extracting(f -> f.rule())
        .contains("migration-history");
    assertThat(review.verdict()).isEqualTo(Verdict.BLOCKED);
  }

  @Test
  void a_role_that_can_write_is_refused_before_the_history_is_read(@TempDir Path dir) throws IOException {
    String superuser = postgres.getJdbcUrl("postgres", "postgres");
    var builder = MigrationSafety.builder().format(new RecordedSql()).schemaFrom(superuser);
    assertThatThrownBy(builder::build).isInstanceOf(WritableConnectionException.class);
    Review allowed = builder.allowWritableConnection(true).build().review(project(dir));
    assertThat(allowed.applied().applied()).containsExactly("1");
  }

  @Test
  void without_a_database_every_migration_is_pending(@TempDir Path dir) throws IOException {
    Review review = MigrationSafety.builder().format(new RecordedSql()).build().review(project(dir));
    assertThat(review.applied().known()).isFalse();
    assertThat(review.migrations()).hasSize(3);
  }
}
