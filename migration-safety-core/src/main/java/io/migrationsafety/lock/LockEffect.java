package io.migrationsafety.lock;

import io.migrationsafety.operation.QualifiedName;
import java.util.Objects;

/**
 * One lock a statement takes on one relation, and what it does to that relation while holding it.
 *
 * @param relation the locked table, index or view, schema-qualified
 * @param mode the strongest mode the statement takes on it
 * @param rewrite whether the relation gets new data files (every row copied, indexes rebuilt)
 * @param scan whether every row is read under the lock (validation, index build)
 * @param reason why, and where PostgreSQL documents it
 */
public record LockEffect(QualifiedName relation, LockMode mode, boolean rewrite, boolean scan, String reason) {

  public LockEffect {
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(reason, "reason");
    if (relation.schema() == null) {
      throw new IllegalArgumentException("a lock effect needs a schema-qualified relation: " + relation);
    }
  }

  /** A lock that neither rewrites nor scans. */
  public static LockEffect lock(QualifiedName relation, LockMode mode, String reason) {
    return new LockEffect(relation, mode, false, false, reason);
  }

  /** This effect, also rewriting. */
  public LockEffect withRewrite(boolean value) {
    return new LockEffect(relation, mode, value, scan, reason);
  }

  /** This effect, also scanning. */
  public LockEffect withScan(boolean value) {
    return new LockEffect(relation, mode, rewrite, value, reason);
  }
}
