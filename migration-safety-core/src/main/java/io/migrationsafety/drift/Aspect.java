package io.migrationsafety.drift;

/** What differs about an object that both schemas have. */
public enum Aspect {
  /** A column's data type. */
  TYPE("type"),
  /** Whether a column accepts NULL. */
  NULLABILITY("nullability"),
  /** A column's default expression. */
  DEFAULT("default"),
  /** A column's identity ({@code GENERATED ALWAYS} / {@code BY DEFAULT AS IDENTITY}). */
  IDENTITY("identity"),
  /** A generated column's expression and whether it is stored. */
  GENERATED("generation expression"),
  /** A column's collation. */
  COLLATION("collation"),
  /** The order of a table's columns. */
  COLUMN_ORDER("column order"),
  /** Whether a table is logged, unlogged or temporary. */
  PERSISTENCE("persistence"),
  /** The partitioned table a table is a partition of. */
  PARTITION_OF("partition parent"),
  /** The partition key of a partitioned table. */
  PARTITION_BY("partition key"),
  /** The table an index is on. */
  INDEXED_TABLE("indexed table"),
  /** Whether an index is unique. */
  UNIQUE("uniqueness"),
  /** An index's access method ({@code btree}, {@code gin} …). */
  METHOD("access method"),
  /** An index's keys: columns or expressions, with their order, collation and operator class. */
  KEYS("keys"),
  /** An index's {@code INCLUDE} columns. */
  INCLUDE("INCLUDE columns"),
  /** A partial index's predicate. */
  PREDICATE("predicate"),
  /** An index left invalid, or a constraint added {@code NOT VALID} and not validated yet. */
  VALIDITY("validity"),
  /** A constraint's kind (primary key, unique, check …). */
  CONSTRAINT_KIND("kind"),
  /** The columns a constraint covers. */
  COLUMNS("columns"),
  /** A CHECK or EXCLUDE constraint's definition. */
  EXPRESSION("definition"),
  /** The table and columns a foreign key references. */
  REFERENCES("referenced table and columns"),
  /** A foreign key's {@code ON DELETE} action. */
  ON_DELETE("ON DELETE action"),
  /** A foreign key's {@code ON UPDATE} action. */
  ON_UPDATE("ON UPDATE action"),
  /** Whether a constraint is deferrable, and initially deferred. */
  DEFERRABLE("deferrability"),
  /** The index behind a primary key, unique or exclusion constraint. */
  BACKING_INDEX("index"),
  /** The kind of a user-defined type (enum, composite, domain …). */
  TYPE_KIND("kind"),
  /** An enum's labels, in order. */
  ENUM_LABELS("labels"),
  /** The column that owns a sequence. */
  OWNED_BY("owning column"),
  /** Whether a view is materialized. */
  MATERIALIZED("materialization"),
  /** A view's defining query. */
  QUERY("query");

  private final String words;

  Aspect(String words) {
    this.words = words;
  }

  /** The aspect in words, as a message says it ("type", "ON DELETE action"). */
  public String words() {
    return words;
  }
}
