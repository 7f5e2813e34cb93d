package io.migrationsafety;

import io.migrationsafety.database.DatabaseTarget;
import io.migrationsafety.format.MigrationFormat;
import io.migrationsafety.format.MigrationFormats;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.policy.Policy;
import io.migrationsafety.probe.DataProber;
import io.migrationsafety.review.ReviewEngine;
import io.migrationsafety.rule.RuleRegistry;
import io.migrationsafety.schema.Schema;
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
  private final Schema schema;

  Reviewer(ReviewEngine engine, MigrationFormats formats, MigrationFormat format, Policy policy,
      List<String> warnings, DatabaseTarget database, boolean allowWritableConnection, Schema schema) {
    this.engine = engine;
    this.formats = formats;
    this.format = format;
    this.policy = policy;
    this.warnings = List.copyOf(warnings);
    this.database = database;
    this.allowWritableConnection = allowWritableConnection;
    this.schema = schema;
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
    return engine.review(read(directory));
  }

  /**
   * Reads the migrations in {@code directory} as {@link #review(Path)} reviews them: with their
   * format, and with the database's history when the reviewer reads a database.
   *
   * @throws io.migrationsafety.format.MigrationFormatException when the directory cannot be read as
   *     migrations
   * @throws io.migrationsafety.database.DatabaseUnavailableException when the history cannot be read
   */
  public MigrationSet read(Path directory) {
    MigrationFormat chosen = format(directory);
    MigrationSet set = chosen.read(directory);
    if (database != null && !set.applied().known()) {
      var reader = chosen.history();
      if (reader.isPresent()) {
        set = database.readHistory(set, reader.get(), allowWritableConnection);
      }
    }
    return set;
  }

  /**
   * The format this reviewer reads {@code directory} as: the one it was built with, else the one
   * detected.
   *
   * @throws io.migrationsafety.format.MigrationFormatException when no format, or several, fit
   */
  public MigrationFormat format(Path directory) {
    return format != null ? format : formats.detect(directory);
  }

  /**
   * An executor that applies reviewed migrations to {@code target}, a database the caller marked as
   * staging, with this reviewer's rules and policy. There is no way to run a production database:
   * production gets an {@link io.migrationsafety.execute.ReleaseScript} for a person to run.
   */
  public io.migrationsafety.execute.StagingExecutor executor(io.migrationsafety.execute.StagingTarget target) {
    return new io.migrationsafety.execute.StagingExecutor(this, target);
  }

  /** The schema reviews start from: the database read, the snapshot given, or an empty one. */
  public Schema schema() {
    return schema;
  }

  /**
   * Reviews a migration set already read, as it is: its {@link MigrationSet#applied()} decides which
   * migrations are pending.
   */
  public Review review(MigrationSet set) {
    return engine.review(set);
  }

  /**
   * Reviews a migration set already read on the database it is about to run on (the staging
   * executor's): from that database's schema, with this reviewer's rules, policy and rates, its
   * data probed by {@code prober} ({@code fails-on-existing-data}).
   */
  public Review review(MigrationSet set, Schema liveSchema, DataProber prober) {
    return engine.startingFrom(liveSchema, true, prober).review(set);
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
