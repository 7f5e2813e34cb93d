package io.migrationsafety.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.MigrationReview;
import io.migrationsafety.MigrationSafety;
import io.migrationsafety.Review;
import io.migrationsafety.format.MigrationSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Flyway corpora nobody here wrote, from test-scoped jars: read from their classpath location
 * as Flyway reads them, reviewed end to end, and migrated by real Flyway on PostgreSQL with the
 * callback in warn mode.
 */
class FlywayCorpusTest {

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "conductor, classpath:db/migration_postgres, 8",
      "hawkbit, classpath:db/migration/POSTGRESQL, 3"})
  void is_reviewed_end_to_end_and_migrated_by_flyway_with_the_callback(String corpus, String location, int minimum)
      throws IOException {
    MigrationSet set = new FlywayFormat(Flyway.configure().locations(location)).read();
    assertThat(set.migrations()).as(corpus).hasSizeGreaterThanOrEqualTo(minimum);
    assertThat(set.unreviewable()).isEmpty();

    Review review = MigrationSafety.builder().build().review(set);
    int statements = review.migrations().stream().mapToInt(MigrationReview::statements).sum();
    int unrecognized = review.migrations().stream().mapToInt(MigrationReview::unrecognized).sum();
    System.out.printf("%s: %d migrations, %d statements, %d not understood, %d findings, verdict %s%n", corpus,
        review.migrations().size(), statements, unrecognized, review.findings().size(), review.verdict());
    assertThat(review.migrations()).hasSameSizeAs(set.migrations());
    assertThat(statements).isGreaterThan(set.migrations().size());

    String db = TestDatabases.create();
    Path report = dir.resolve(corpus + ".json");
    Flyway flyway = Flyway.configure().dataSource(TestDatabases.superuser(db)).locations(location)
        .callbacks(new MigrationSafetyCallback().withMode(MigrationSafetyCallback.Mode.WARN).withReportFile(report))
        .load();
    assertThat(set.migrations()).extracting(m -> m.id() + " " + m.description())
        .containsExactlyElementsOf(Arrays.stream(flyway.info().all())
            .map(m -> m.getVersion().getVersion() + " " + m.getDescription()).toList());
    MigrateResult result = flyway.migrate();
    assertThat(result.success).isTrue();
    assertThat(result.migrationsExecuted).isEqualTo(set.migrations().size());
    assertThat(Files.readString(report)).contains("\"verdict\" : \"" + review.verdict() + "\"");
  }
}
