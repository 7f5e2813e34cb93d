package io.migrationsafety;

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
 */
public record MigrationReview(
    Migration migration, String file, Verdict verdict, int statements, int unrecognized, List<Finding> findings) {

  public MigrationReview {
    Objects.requireNonNull(migration, "migration");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(verdict, "verdict");
    findings = List.copyOf(findings);
  }
}
