package io.migrationsafety.lock;

import java.util.Locale;
import java.util.Optional;

/**
 * PostgreSQL's eight table-level lock modes, weakest first, with the conflict matrix of the
 * documentation (Explicit Locking, Table-Level Locks, Table 13.2 "Conflicting Lock Modes").
 *
 * <p>The declaration order is the order of strength the documentation lists them in; every mode
 * conflicts with at least the modes that a weaker one conflicts with, so {@link #compareTo} is a
 * usable "stronger than".
 */
public enum LockMode {
  ACCESS_SHARE("ACCESS SHARE", "AccessShareLock"),
  ROW_SHARE("ROW SHARE", "RowShareLock"),
  ROW_EXCLUSIVE("ROW EXCLUSIVE", "RowExclusiveLock"),
  SHARE_UPDATE_EXCLUSIVE("SHARE UPDATE EXCLUSIVE", "ShareUpdateExclusiveLock"),
  SHARE("SHARE", "ShareLock"),
  SHARE_ROW_EXCLUSIVE("SHARE ROW EXCLUSIVE", "ShareRowExclusiveLock"),
  EXCLUSIVE("EXCLUSIVE", "ExclusiveLock"),
  ACCESS_EXCLUSIVE("ACCESS EXCLUSIVE", "AccessExclusiveLock");

  // Table 13.2, row by row: the modes each mode conflicts with (bit i = ordinal i).
  private static final int[] CONFLICTS = {
      0b1000_0000, // ACCESS SHARE: only ACCESS EXCLUSIVE
      0b1100_0000, // ROW SHARE: EXCLUSIVE, ACCESS EXCLUSIVE
      0b1111_0000, // ROW EXCLUSIVE: SHARE and stronger
      0b1111_1000, // SHARE UPDATE EXCLUSIVE: itself and stronger
      0b1110_1100, // SHARE: ROW EXCLUSIVE, SUE, SRE, EXCLUSIVE, AE (not itself)
      0b1111_1100, // SHARE ROW EXCLUSIVE: ROW EXCLUSIVE and stronger
      0b1111_1110, // EXCLUSIVE: everything but ACCESS SHARE
      0b1111_1111, // ACCESS EXCLUSIVE: everything
  };

  private final String sqlName;
  private final String pgLocksName;

  LockMode(String sqlName, String pgLocksName) {
    this.sqlName = sqlName;
    this.pgLocksName = pgLocksName;
  }

  /** The name as SQL and the documentation write it: {@code ACCESS EXCLUSIVE}. */
  public String sqlName() {
    return sqlName;
  }

  /** The name as {@code pg_locks.mode} reports it: {@code AccessExclusiveLock}. */
  public String pgLocksName() {
    return pgLocksName;
  }

  /** Whether a lock in this mode and one in {@code other} cannot be held at once. */
  public boolean conflictsWith(LockMode other) {
    return (CONFLICTS[ordinal()] & (1 << other.ordinal())) != 0;
  }

  /** Whether plain {@code SELECT} (ACCESS SHARE) waits for this lock. */
  public boolean blocksReads() {
    return conflictsWith(ACCESS_SHARE);
  }

  /** Whether {@code INSERT}, {@code UPDATE}, {@code DELETE} and {@code MERGE} (ROW EXCLUSIVE) wait. */
  public boolean blocksWrites() {
    return conflictsWith(ROW_EXCLUSIVE);
  }

  /** What waits for this lock, in words for a reviewer. */
  public String blocks() {
    return switch (this) {
      case ACCESS_SHARE -> "only ACCESS EXCLUSIVE (DDL that rewrites or drops the table)";
      case ROW_SHARE -> "EXCLUSIVE and ACCESS EXCLUSIVE only; reads and writes go on";
      case ROW_EXCLUSIVE -> "SHARE and stronger (CREATE INDEX, most DDL); reads and writes go on";
      case SHARE_UPDATE_EXCLUSIVE ->
          "other schema changes, VACUUM, ANALYZE and concurrent index builds; reads and writes go on";
      case SHARE -> "writes (INSERT, UPDATE, DELETE, MERGE) and schema changes; reads go on";
      case SHARE_ROW_EXCLUSIVE, EXCLUSIVE ->
          "writes, SELECT … FOR UPDATE/SHARE and schema changes; plain reads go on";
      case ACCESS_EXCLUSIVE -> "everything, including plain SELECT";
    };
  }

  /** The stronger of this mode and {@code other}. */
  public LockMode max(LockMode other) {
    return other.compareTo(this) > 0 ? other : this;
  }

  /**
   * The mode with this name, as {@code pg_locks} reports it ({@code ShareLock}), as SQL and the
   * documentation write it ({@code SHARE ROW EXCLUSIVE}, any case), or as this enum names it.
   */
  public static Optional<LockMode> fromSqlName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String normal = name.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    for (LockMode mode : values()) {
      if (mode.sqlName.equals(normal) || mode.name().equals(normal)
          || mode.pgLocksName.equalsIgnoreCase(name.strip())) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return sqlName;
  }
}
