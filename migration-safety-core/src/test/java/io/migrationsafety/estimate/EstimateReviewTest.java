package io.migrationsafety.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrationsafety.MigrationReview;
import io.migrationsafety.MigrationSafety;
import io.migrationsafety.Review;
import io.migrationsafety.policy.PolicyLoader;
import io.migrationsafety.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Estimates through a whole review: sizes from the policy, holds across a transaction, the reports. */
class EstimateReviewTest {

  // Round rates: 2 µs per byte rewritten, 1 µs per row indexed, 10 µs per row updated, 1 ms per catalog change.
  private static final Rates RATES = new Rates(0.001, 0.002, 0.001, 0.0001, 2, 0.003, 0.010, 0.005, 0.004, 0.001,
      1, 100, "test");

  private static Review review(Path dir, String... files) throws IOException {
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    for (int i = 0; i < files.length; i++) {
      Files.writeString(migrations.resolve("V" + (i + 1) + "__m.sql"), files[i]);
    }
    Path policy = dir.resolve("migration-safety.yml");
    Files.writeString(policy, "tables:\n  public.orders: { rows: 1000000, bytes: 100000000 }\n");
    return MigrationSafety.builder().policy(PolicyLoader.load(policy).policy()).rates(RATES).build()
        .review(migrations);
  }

  @Test
  void a_lock_is_held_until_the_migrations_transaction_commits(@TempDir Path dir) throws IOException {
    MigrationReview m = review(dir, """
        ALTER TABLE orders ALTER COLUMN total TYPE bigint;
        UPDATE orders SET total = 0;
        """).migrations().get(0);
    // rewrite 100 MB x 2 µs = 200 s (+1 ms), then every row updated: 1 M x 10 µs = 10 s (+1 ms)
    assertThat(m.estimate().durationMs()).isEqualTo(210_002);
    assertThat(m.estimate().lockMs()).isEqualTo(210_002);
    StatementEstimate alter = m.estimate().statements().get(0);
    assertThat(alter.estimate().durationMs()).isEqualTo(200_001);
    assertThat(alter.lockMs()).isEqualTo(210_002);
  }

  @Test
  void separate_transactions_in_one_file_do_not_add_up(@TempDir Path dir) throws IOException {
    MigrationReview m = review(dir, """
        -- migration-safety:no-transaction
        BEGIN;
        ALTER TABLE orders ALTER COLUMN total TYPE bigint;
        COMMIT;
        BEGIN;
        UPDATE orders SET total = 0;
        COMMIT;
        """).migrations().get(0);
    assertThat(m.estimate().durationMs()).isEqualTo(210_002);
    assertThat(m.estimate().lockMs()).isEqualTo(200_001);
  }

  @Test
  void separate_migrations_do_not_add_up_and_unknown_sizes_stay_unknown(@TempDir Path dir) throws IOException {
    Review review = review(dir, "ALTER TABLE orders ALTER COLUMN total TYPE bigint;",
        "CREATE INDEX items_sku ON items (sku);");
    assertThat(review.migrations().get(0).estimate().lockMs()).isEqualTo(200_001);
    MigrationReview unknown = review.migrations().get(1);
    assertThat(unknown.estimate().durationMs()).isNull();
    assertThat(unknown.estimate().statements().get(0).estimate().basis()).isEqualTo("unknown size of public.items");
  }

  @Test
  void a_policy_names_its_rates_file_beside_it(@TempDir Path dir) throws IOException {
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(migrations.resolve("V1__m.sql"), "ALTER TABLE orders ALTER COLUMN total TYPE bigint;");
    RATES.save(dir.resolve("rates.json"));
    Path policy = dir.resolve("migration-safety.yml");
    Files.writeString(policy, "estimates:\n  rates: rates.json\n"
        + "tables:\n  public.orders: { rows: 1000000, bytes: 100000000 }\n");
    Review review = MigrationSafety.builder().policy(policy).build().review(migrations);
    assertThat(review.migrations().get(0).estimate().durationMs()).isEqualTo(200_001);
  }

  @Test
  void the_reports_carry_the_estimates(@TempDir Path dir) throws IOException {
    Review review = review(dir, "ALTER TABLE orders ALTER COLUMN total TYPE bigint;");
    StringWriter json = new StringWriter();
    ReportFormat.JSON.write(review, new PrintWriter(json), false);
    JsonNode migration = new ObjectMapper().readTree(json.toString()).path("migrations").get(0);
    assertThat(migration.path("estimate").path("durationMs").asLong()).isEqualTo(200_001);
    assertThat(migration.path("estimate").path("lockMs").asLong()).isEqualTo(200_001);
    JsonNode rewrite = null;
    for (JsonNode f : migration.path("findings")) {
      if (f.path("rule").asText().equals("alter-column-type-rewrite")) {
        rewrite = f;
      }
    }
    assertThat(rewrite).isNotNull();
    assertThat(rewrite.path("estimate").path("lockMs").asLong()).isEqualTo(200_001);
    assertThat(rewrite.path("estimate").path("basis").asText()).isEqualTo("rewrite of public.orders (1 M rows, 95.4 MB)");
    assertThat(rewrite.path("locks").get(0).path("lockMs").asLong()).isEqualTo(200_001);

    StringWriter text = new StringWriter();
    ReportFormat.TEXT.write(review, new PrintWriter(text), false);
    assertThat(text.toString())
        .contains("≈ 3.3 min, blocking locks held ≈ 3.3 min")
        .contains("estimate: runs ≈ 3.3 min: rewrite of public.orders (1 M rows, 95.4 MB)")
        .contains("estimate: ACCESS EXCLUSIVE on public.orders held ≈ 3.3 min (until the transaction ends); "
            + "blocks everything, including plain SELECT");
    StringWriter markdown = new StringWriter();
    ReportFormat.MARKDOWN.write(review, new PrintWriter(markdown), false);
    assertThat(markdown.toString()).contains("| ≈ 3.3 min, blocking locks held ≈ 3.3 min |");
  }
}
