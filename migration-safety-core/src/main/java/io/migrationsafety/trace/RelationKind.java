package io.migrationsafety.trace;

/** What kind of relation a lock was taken on, from {@code pg_class.relkind}. */
public enum RelationKind {
  TABLE('r'),
  PARTITIONED_TABLE('p'),
  VIEW('v'),
  MATERIALIZED_VIEW('m'),
  FOREIGN_TABLE('f'),
  INDEX('i'),
  PARTITIONED_INDEX('I'),
  SEQUENCE('S'),
  OTHER('?');

  private final char relkind;

  RelationKind(char relkind) {
    this.relkind = relkind;
  }

  /** The kind for a {@code pg_class.relkind} value. */
  public static RelationKind of(String relkind) {
    for (RelationKind kind : values()) {
      if (relkind != null && relkind.length() == 1 && relkind.charAt(0) == kind.relkind) {
        return kind;
      }
    }
    return OTHER;
  }

  /**
   * Whether it has data files of its own, so that a rewrite can show: partitioned tables and
   * indexes and views have none.
   */
  public boolean hasStorage() {
    return switch (this) {
      case TABLE, MATERIALIZED_VIEW, INDEX, SEQUENCE -> true;
      default -> false;
    };
  }

  /**
   * Whether the lock model must name every lock stronger than ACCESS SHARE on this kind: tables,
   * views and materialized views are what applications wait on; indexes and sequences are only
   * compared where the model names them.
   */
  public boolean alwaysCompared() {
    return switch (this) {
      case TABLE, PARTITIONED_TABLE, VIEW, MATERIALIZED_VIEW, FOREIGN_TABLE -> true;
      default -> false;
    };
  }
}
