package io.migrationsafety.execute;

import io.migrationsafety.format.Migration;
import java.util.List;

/**
 * A pending migration, checked and ready to run.
 *
 * @param migration the migration
 * @param file its file relative to its directory, for messages and the history
 * @param statements its statements, in order
 */
record PlannedMigration(Migration migration, String file, List<PlannedStatement> statements) {

  PlannedMigration {
    statements = List.copyOf(statements);
  }

  boolean transactional() {
    return migration.transactional();
  }
}
