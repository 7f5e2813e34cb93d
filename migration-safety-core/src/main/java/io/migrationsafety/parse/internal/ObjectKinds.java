package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.ObjectType;
import java.util.List;
import java.util.Locale;

/**
 * The object kinds that {@code DROP} and {@code COMMENT ON} name, with how each kind's names are
 * written after it. Follows the PostgreSQL documentation pages "SQL Commands: DROP …" and
 * "SQL Commands: COMMENT", and gram.y's {@code object_type_any_name}, {@code object_type_name},
 * {@code object_type_name_on_any_name} and the statements with a grammar of their own.
 */
final class ObjectKinds {

  /** How the names of a kind of object are written. */
  enum Shape {
    /** {@code [schema.]name}. */
    QUALIFIED,
    /** One identifier: objects that live in no schema (schemas, extensions, servers…). */
    PLAIN,
    /** {@code [schema.]name [( argument types )]}. */
    ROUTINE,
    /** {@code name ON [schema.]table}. */
    ON_TABLE,
    /** {@code ( source_type AS target_type )}. */
    CAST,
    /** {@code [schema.]operator ( left_type, right_type )}. */
    OPERATOR,
    /** {@code [schema.]name USING index_method}: operator classes and families. */
    USING_METHOD,
    /** {@code FOR type_name LANGUAGE lang_name}. */
    TRANSFORM,
    /** Only {@code COMMENT ON} names these: columns, constraints, roles, large objects. */
    COMMENT_ONLY
  }

  /** A kind of object: its type in the operation model and how its names are written. */
  record Kind(ObjectType type, Shape shape) {}

  private record Entry(List<String> words, Kind kind) {}

  // Longer phrases first, so that OPERATOR CLASS wins over OPERATOR.
  private static final List<Entry> ENTRIES = List.of(
      entry("materialized view", ObjectType.MATERIALIZED_VIEW, Shape.QUALIFIED),
      entry("foreign data wrapper", ObjectType.OTHER, Shape.PLAIN),
      entry("foreign table", ObjectType.FOREIGN_TABLE, Shape.QUALIFIED),
      entry("event trigger", ObjectType.EVENT_TRIGGER, Shape.PLAIN),
      entry("access method", ObjectType.OTHER, Shape.PLAIN),
      entry("text search parser", ObjectType.OTHER, Shape.QUALIFIED),
      entry("text search dictionary", ObjectType.OTHER, Shape.QUALIFIED),
      entry("text search template", ObjectType.OTHER, Shape.QUALIFIED),
      entry("text search configuration", ObjectType.OTHER, Shape.QUALIFIED),
      entry("operator class", ObjectType.OTHER, Shape.USING_METHOD),
      entry("operator family", ObjectType.OTHER, Shape.USING_METHOD),
      entry("procedural language", ObjectType.LANGUAGE, Shape.PLAIN),
      entry("large object", ObjectType.LARGE_OBJECT, Shape.COMMENT_ONLY),
      entry("table", ObjectType.TABLE, Shape.QUALIFIED),
      entry("index", ObjectType.INDEX, Shape.QUALIFIED),
      entry("view", ObjectType.VIEW, Shape.QUALIFIED),
      entry("sequence", ObjectType.SEQUENCE, Shape.QUALIFIED),
      entry("type", ObjectType.TYPE, Shape.QUALIFIED),
      entry("domain", ObjectType.DOMAIN, Shape.QUALIFIED),
      entry("collation", ObjectType.COLLATION, Shape.QUALIFIED),
      entry("conversion", ObjectType.OTHER, Shape.QUALIFIED),
      entry("statistics", ObjectType.STATISTICS, Shape.QUALIFIED),
      entry("schema", ObjectType.SCHEMA, Shape.PLAIN),
      entry("extension", ObjectType.EXTENSION, Shape.PLAIN),
      entry("language", ObjectType.LANGUAGE, Shape.PLAIN),
      entry("publication", ObjectType.PUBLICATION, Shape.PLAIN),
      entry("subscription", ObjectType.SUBSCRIPTION, Shape.PLAIN),
      entry("server", ObjectType.SERVER, Shape.PLAIN),
      entry("database", ObjectType.DATABASE, Shape.PLAIN),
      entry("tablespace", ObjectType.TABLESPACE, Shape.PLAIN),
      entry("function", ObjectType.FUNCTION, Shape.ROUTINE),
      entry("procedure", ObjectType.PROCEDURE, Shape.ROUTINE),
      entry("routine", ObjectType.ROUTINE, Shape.ROUTINE),
      entry("aggregate", ObjectType.AGGREGATE, Shape.ROUTINE),
      entry("trigger", ObjectType.TRIGGER, Shape.ON_TABLE),
      entry("policy", ObjectType.POLICY, Shape.ON_TABLE),
      entry("rule", ObjectType.RULE, Shape.ON_TABLE),
      entry("cast", ObjectType.CAST, Shape.CAST),
      entry("operator", ObjectType.OPERATOR, Shape.OPERATOR),
      entry("transform", ObjectType.OTHER, Shape.TRANSFORM),
      entry("column", ObjectType.COLUMN, Shape.COMMENT_ONLY),
      entry("constraint", ObjectType.CONSTRAINT, Shape.COMMENT_ONLY),
      entry("role", ObjectType.ROLE, Shape.COMMENT_ONLY));

  private ObjectKinds() {}

  private static Entry entry(String words, ObjectType type, Shape shape) {
    return new Entry(List.of(words.split(" ")), new Kind(type, shape));
  }

  /**
   * Reads the words that name a kind of object. {@code forDrop} refuses the kinds only
   * {@code COMMENT ON} names.
   */
  static Kind read(TokenCursor c, boolean forDrop) {
    for (Entry e : ENTRIES) {
      String[] words = e.words().toArray(String[]::new);
      if (c.is(words)) {
        if (forDrop && e.kind().shape() == Shape.COMMENT_ONLY) {
          throw c.fail("DROP " + String.join(" ", words).toUpperCase(Locale.ROOT) + " is not a statement");
        }
        c.accept(words);
        return e.kind();
      }
    }
    throw c.fail("expected a kind of object");
  }
}
