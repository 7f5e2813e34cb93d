package io.migrationsafety.drift;

import io.migrationsafety.operation.ObjectType;
import java.util.Objects;

/**
 * One way the schema checked (the <em>actual</em> side, usually a live database) differs from the
 * schema it is compared against (the <em>expected</em> side: another database, a snapshot, the
 * replayed migrations). Use {@link #kind()} to switch over the cases.
 */
public sealed interface Difference permits Difference.Missing, Difference.Unexpected, Difference.Changed {

  /** The cases, for an exhaustive {@code switch}. */
  enum Kind {
    /** The expected side has the object, the actual side does not. */
    MISSING,
    /** The actual side has an object the expected side does not. */
    UNEXPECTED,
    /** Both have the object, and one aspect of it differs. */
    CHANGED
  }

  /** Which case this is. */
  Kind kind();

  /** The kind of object: table, column, index, constraint, type, sequence, view, schema, extension. */
  ObjectType objectType();

  /**
   * The object's name as a person reads it: {@code public.orders} for a table or index,
   * {@code public.orders.total} for a column, {@code public.orders.orders_total_check} for a constraint.
   */
  String object();

  /**
   * The difference in words, naming both sides with the given labels: {@code column
   * public.orders.total: type is numeric(12,2) in the database, numeric(10,2) in the migrations}.
   */
  String describe(String actualLabel, String expectedLabel);

  /** The object's kind in words, lower case ("materialized view"). */
  static String noun(ObjectType type) {
    return type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  /**
   * The expected side has this object, the actual side lacks it.
   *
   * @param objectType what kind of object
   * @param object its name
   */
  record Missing(ObjectType objectType, String object) implements Difference {

    public Missing {
      Objects.requireNonNull(objectType, "objectType");
      Objects.requireNonNull(object, "object");
    }

    @Override
    public Kind kind() {
      return Kind.MISSING;
    }

    @Override
    public String describe(String actualLabel, String expectedLabel) {
      return noun(objectType) + " " + object + " is missing from " + actualLabel + " (it is in " + expectedLabel + ")";
    }
  }

  /**
   * The actual side has this object, the expected side does not.
   *
   * @param objectType what kind of object
   * @param object its name
   */
  record Unexpected(ObjectType objectType, String object) implements Difference {

    public Unexpected {
      Objects.requireNonNull(objectType, "objectType");
      Objects.requireNonNull(object, "object");
    }

    @Override
    public Kind kind() {
      return Kind.UNEXPECTED;
    }

    @Override
    public String describe(String actualLabel, String expectedLabel) {
      return noun(objectType) + " " + object + " exists in " + actualLabel + " but not in " + expectedLabel;
    }
  }

  /**
   * Both sides have the object; one aspect of it differs.
   *
   * @param objectType what kind of object
   * @param object its name
   * @param aspect what differs
   * @param actual the aspect on the actual side, in words ({@code numeric(12,2)}, {@code NOT VALID})
   * @param expected the aspect on the expected side, in words
   */
  record Changed(ObjectType objectType, String object, Aspect aspect, String actual, String expected)
      implements Difference {

    public Changed {
      Objects.requireNonNull(objectType, "objectType");
      Objects.requireNonNull(object, "object");
      Objects.requireNonNull(aspect, "aspect");
      Objects.requireNonNull(actual, "actual");
      Objects.requireNonNull(expected, "expected");
    }

    @Override
    public Kind kind() {
      return Kind.CHANGED;
    }

    @Override
    public String describe(String actualLabel, String expectedLabel) {
      return noun(objectType) + " " + object + ": " + aspect.words() + " is " + actual + " in " + actualLabel + ", "
          + expected + " in " + expectedLabel;
    }
  }
}
