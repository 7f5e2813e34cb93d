package io.migrationsafety.execute;

import io.migrationsafety.database.DatabaseTarget;
import java.sql.Connection;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A database the caller has marked, explicitly, as staging: the only kind of target the
 * {@link StagingExecutor} writes to. There is deliberately no production counterpart; production
 * gets a {@link ReleaseScript} that a person approves and runs.
 *
 * <pre>{@code
 * StagingTarget staging = StagingTarget.of("postgres://deploy:secret@staging-db:5432/app");
 * }</pre>
 *
 * <p>It prints without the password, like {@link DatabaseTarget}, which it builds on.
 */
public final class StagingTarget {

  private final DatabaseTarget database;

  private StagingTarget(DatabaseTarget database) {
    this.database = database;
  }

  /**
   * The staging database at {@code url}: {@code jdbc:postgresql://…} or {@code postgres://user:pass@host/db}.
   *
   * @throws io.migrationsafety.MigrationSafetyException when it is not a PostgreSQL URL (the
   *     message is redacted)
   */
  public static StagingTarget of(String url) {
    return new StagingTarget(DatabaseTarget.of(Objects.requireNonNull(url, "url")));
  }

  /** The staging database behind {@code dataSource}. */
  public static StagingTarget of(DataSource dataSource) {
    return new StagingTarget(DatabaseTarget.of(Objects.requireNonNull(dataSource, "dataSource")));
  }

  /** What this target is, safe to print: the URL without its password. */
  public String description() {
    return database.description();
  }

  /** The database, for the review's read-only data probes. */
  DatabaseTarget database() {
    return database;
  }

  /** A new connection; the caller closes it. */
  Connection connect() {
    return database.connect();
  }

  @Override
  public String toString() {
    return "StagingTarget[" + description() + "]";
  }
}
