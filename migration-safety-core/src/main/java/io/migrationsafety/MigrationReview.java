package io.migrationsafety;

import io.migrationsafety.estimate.MigrationEstimate;
import io.migrationsafety.estimate.StatementEstimate;
import io.migrationsafety.format.Migration;
import io.migrationsafety.rule.Finding;
import java.util.List;
import java.util.Objects;

/**
 * The review of one migration.
 *
 * @param migration the migration
 * @param file its file, relative to the reviewed directory
 * @param verdict the worst of its findings
 * @param statements how many statements its script has
 * @param unrecognized how many of them were not understood
 * @param findings what the rules found, in the order of the script
 * @param estimate how long it runs and holds its locks, per statement and in all
 */
public record MigrationReview(
    Migration migration, String file, Verdict verdict, int statements, int unrecognized, List<Finding> findings,
    MigrationEstimate estimate) {

  public MigrationReview {
    Objects.requireNonNull(migration, "migration");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(verdict, "verdict");
    findings = List.copyOf(findings);
    Objects.requireNonNull(estimate, "estimate");
  }

  /** The estimate of the statement a finding points at, if the finding is about one of its statements. */
  public java.util.Optional<StatementEstimate> estimateOf(Finding finding) {
    return finding.file().equals(file) ? estimate.at(finding.line(), finding.column()) : java.util.Optional.empty();
  }
}
