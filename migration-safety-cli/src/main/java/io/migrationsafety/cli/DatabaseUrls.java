package io.migrationsafety.cli;

import io.migrationsafety.MigrationSafetyException;
import io.migrationsafety.database.DatabaseTarget;

/** The database a command reads: {@code --database-url}, else {@code MIGRATION_SAFETY_DATABASE_URL}. */
final class DatabaseUrls {

  private DatabaseUrls() {}

  /**
   * The target named by {@code option}, or by the environment when it is null.
   *
   * @throws MigrationSafetyException when neither names one (a usage error, exit 2)
   */
  static DatabaseTarget required(String option) {
    if (option != null && !option.isBlank()) {
      return DatabaseTarget.of(option);
    }
    return DatabaseTarget.fromEnvironment().orElseThrow(() -> new MigrationSafetyException(
        "no database: give --database-url URL or set " + DatabaseTarget.ENVIRONMENT_VARIABLE));
  }
}
