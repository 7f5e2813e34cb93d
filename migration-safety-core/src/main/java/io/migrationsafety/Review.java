package io.migrationsafety;

import io.migrationsafety.format.AppliedState;
import io.migrationsafety.rule.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The review of a migration set: a verdict for every migration and one for all of them.
 *
 * @param format the format the migrations were read as
 * @param directory the reviewed directory
 * @param postgresVersion the PostgreSQL major version the review targeted
 * @param verdict the worst verdict of all migrations (and of findings about the set as a whole)
 * @param migrations the reviewed migrations, in order
 * @param setFindings findings about the set as a whole (conventions, order, history)
 * @param applied what the database's history said: the migrations already applied are not
 *     reviewed; {@link AppliedState#none()} when no history was read
 */
public record Review(
    String format,
    Path directory,
    int postgresVersion,
    Verdict verdict,
    List<MigrationReview> migrations,
    List<Finding> setFindings,
    AppliedState applied) {

  public Review {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(verdict, "verdict");
    migrations = List.copyOf(migrations);
    setFindings = List.copyOf(setFindings);
    Objects.requireNonNull(applied, "applied");
  }

  /** Every finding: the set's, then each migration's in order. */
  public List<Finding> findings() {
    return java.util.stream.Stream.concat(setFindings.stream(),
        migrations.stream().flatMap(m -> m.findings().stream())).collect(Collectors.toList());
  }
}
