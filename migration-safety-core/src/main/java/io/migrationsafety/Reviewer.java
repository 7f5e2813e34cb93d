package io.migrationsafety;

import io.migrationsafety.database.DatabaseTarget;
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
  private final DatabaseTarget database;
  private final boolean allowWritableConnection;

  Reviewer(ReviewEngine engine, MigrationFormats formats, MigrationFormat format, Policy policy,
      List<String> warnings, DatabaseTarget database, boolean allowWritableConnection) {
    this.engine = engine;
    this.formats = formats;
    this.format = format;
    this.policy = policy;
    this.warnings = List.copyOf(warnings);
    this.database = database;
    this.allowWritableConnection = allowWritableConnection;
  }

  /** What the user must hear about how this reviewer was set up (a writable connection, say). */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * Reviews the migrations in {@code directory}. When the reviewer reads a database and the format
   * keeps a history there ({@link MigrationFormat#history()}), only the pending migrations are
   * reviewed, and what is wrong with the history is reported.
   *
   * @throws io.migrationsafety.format.MigrationFormatException when the directory cannot be read as
   *     migrations
   * @throws io.migrationsafety.sql.SqlSyntaxException when a script cannot be split into statements
   * @throws io.migrationsafety.database.DatabaseUnavailableException when the history cannot be read
   */
  public Review review(Path directory) {
    MigrationFormat chosen = format != null ? format : formats.detect(directory);
    MigrationSet set = chosen.read(directory);
    if (database != null && !set.applied().known()) {
      var reader = chosen.history();
      if (reader.isPresent()) {
        set = database.readHistory(set, reader.get(), allowWritableConnection);
      }
    }
    return engine.review(set);
  }

  /**
   * Reviews a migration set already read, as it is: its {@link MigrationSet#applied()} decides which
   * migrations are pending.
   */
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
