package io.migrationsafety.rules.column;

import io.migrationsafety.lock.TypeRewrites;
import io.migrationsafety.operation.DataType;

/**
 * Which column type changes rewrite the table: the facts live in the lock model
 * ({@link TypeRewrites}); this stays only so the rule reads as before until it uses the model.
 */
final class TypeChanges {

  private TypeChanges() {}

  /** Whether changing a column from {@code from} to {@code to} rewrites the table. */
  static boolean rewrites(DataType from, DataType to) {
    return TypeRewrites.rewrites(from, to);
  }
}
