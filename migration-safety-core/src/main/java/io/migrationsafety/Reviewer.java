package io.migrationsafety;

import io.migrationsafety.format.MigrationFormat;
import io.migrationsafety.format.MigrationFormats;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.policy.Policy;
import io.migrationsafety.review.ReviewEngine;
import io.migrationsafety.rule.RuleRegistry;
import java.nio.file.Path;
import java.util.List;

/**
 * Reviews migration directories with one configuration, built by {@link MigrationSafety#builder()}.
 * Immutable and thread-safe.
 */
public final class Reviewer {

  private final ReviewEngine engine;
  private final MigrationFormats formats;
  private final MigrationFormat format;
  private final Policy policy;
  private final List<String> warnings;

  Reviewer(ReviewEngine engine, MigrationFormats formats, MigrationFormat format, Policy policy,
      List<String> warnings) {
    this.engine = engine;
    this.formats = formats;
    this.format = format;
    this.policy = policy;
    this.warnings = List.copyOf(warnings);
  }

  /** What the user must hear about how this reviewer was set up (a writable connection, say). */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * Reviews the migrations in {@code directory}.
   *
   * @throws io.migrationsafety.format.MigrationFormatException when the directory cannot be read as
   *     migrations
   * @throws io.migrationsafety.sql.SqlSyntaxException when a script cannot be split into statements
   */
  public Review review(Path directory) {
    return engine.review(read(directory));
  }

  /**
   * Reads the migrations in {@code directory} as this reviewer does (its format, or the detected
   * one), for a caller that also traces them.
   *
   * @throws io.migrationsafety.format.MigrationFormatException when the directory cannot be read as
   *     migrations
   */
  public MigrationSet read(Path directory) {
    return format != null ? format.read(directory) : formats.read(directory);
  }

  /** Reviews a migration set already read. */
  public Review review(MigrationSet set) {
    return engine.review(set);
  }

  /** The rules this reviewer runs (those the policy turns off included). */
  public RuleRegistry rules() {
    return engine.rules();
  }

  /** The policy it reviews with. */
  public Policy policy() {
    return policy;
  }
}
