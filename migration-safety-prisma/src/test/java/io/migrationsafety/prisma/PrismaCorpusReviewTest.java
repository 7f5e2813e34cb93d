package io.migrationsafety.prisma;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.MigrationReview;
import io.migrationsafety.MigrationSafety;
import io.migrationsafety.Review;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Real Prisma migrations nobody here wrote, reviewed as a user would: detected as Prisma, every
 * statement understood (nothing is left unrecognized, so nothing is called safe unread).
 */
class PrismaCorpusReviewTest {

  @Test
  void umami_is_read_as_prisma_and_every_statement_is_understood() {
    Path migrations = PrismaProjects.umamiMigrations();
    Review review = MigrationSafety.review(migrations);

    assertThat(review.format()).isEqualTo("prisma");
    assertThat(review.migrations()).extracting(m -> m.migration().id())
        .containsExactly("01_init", "02_report_schema_session_data", "03_metric_performance_index", "04_team_redesign");
    for (MigrationReview m : review.migrations()) {
      assertThat(m.statements()).as(m.file()).isPositive();
      assertThat(m.unrecognized()).as(m.file()).isZero();
    }
    System.out.println("prisma umami review: " + review.migrations().stream()
        .map(m -> m.migration().id() + " " + m.verdict() + " (" + m.findings().size() + " findings)")
        .collect(Collectors.joining(", ")));
  }
}
