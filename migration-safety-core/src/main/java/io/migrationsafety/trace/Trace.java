package io.migrationsafety.trace;

import io.migrationsafety.MigrationReview;
import io.migrationsafety.Review;
import io.migrationsafety.Verdict;
import io.migrationsafety.rule.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What tracing a migration set on a real PostgreSQL showed.
 *
 * @param postgresVersion the major version of the server it ran on
 * @param target where it ran, safe to print
 * @param migrations one trace per migration, in order
 */
public record Trace(int postgresVersion, String target, List<MigrationTrace> migrations) {

  public Trace {
    Objects.requireNonNull(target, "target");
    migrations = List.copyOf(migrations);
  }

  /** The trace of the migration in {@code file}. */
  public Optional<MigrationTrace> migration(String file) {
    return migrations.stream().filter(m -> m.file().equals(file)).findFirst();
  }

  /** Every disagreement between the lock model and the server. */
  public List<Finding> findings() {
    return migrations.stream().flatMap(m -> m.findings().stream()).toList();
  }

  /**
   * {@code review} with this trace's findings added to its migrations, verdicts updated.
   *
   * @throws IllegalArgumentException when the review targeted another PostgreSQL version
   */
  public Review addTo(Review review) {
    if (review.postgresVersion() != postgresVersion) {
      throw new IllegalArgumentException("the review targets PostgreSQL " + review.postgresVersion()
          + " but the trace ran on " + postgresVersion);
    }
    List<MigrationReview> migrationReviews = new ArrayList<>();
    Verdict overall = review.verdict();
    for (MigrationReview m : review.migrations()) {
      List<Finding> added = migration(m.file()).map(MigrationTrace::findings).orElse(List.of());
      if (added.isEmpty()) {
        migrationReviews.add(m);
        continue;
      }
      List<Finding> findings = new ArrayList<>(m.findings());
      findings.addAll(added);
      findings.sort(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column));
      Verdict verdict = m.verdict();
      for (Finding f : added) {
        verdict = verdict.worst(Verdict.of(f.severity()));
      }
      overall = overall.worst(verdict);
      migrationReviews.add(new MigrationReview(m.migration(), m.file(), verdict, m.statements(), m.unrecognized(),
          findings, m.estimate()));
    }
    return new Review(review.format(), review.directory(), review.postgresVersion(), overall, migrationReviews,
        review.setFindings(), review.applied());
  }
}
