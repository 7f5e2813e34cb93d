package io.migrationsafety.rollback;

import io.migrationsafety.drift.Drift;
import io.migrationsafety.drift.DriftOptions;
import io.migrationsafety.schema.Schema;
import java.util.List;
import java.util.Set;

/**
 * What a rollback failed to restore: the schema after the rollback compared with the schema before
 * the migration, by the drift comparison. Column order is left out — PostgreSQL appends a re-added
 * column at the end and no DDL can move it back — and so are row estimates and sizes, which are
 * statistics, not structure.
 */
final class RollbackDifferences {

  private RollbackDifferences() {}

  /**
   * @param expressions {@code EXACT} when both schemas were read from PostgreSQL; {@code NORMALIZED}
   *     when they were replayed from migration text, which keeps expressions as each script wrote them
   */
  static List<String> between(Schema before, Schema afterRollback, DriftOptions.Expressions expressions) {
    DriftOptions options = new DriftOptions(expressions, true, false, Set.of(), Set.of());
    return Drift.compare(afterRollback, "the rolled-back schema", before, "the schema before the migration",
        options).messages();
  }
}
