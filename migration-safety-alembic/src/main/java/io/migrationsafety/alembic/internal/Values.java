package io.migrationsafety.alembic.internal;

import io.migrationsafety.alembic.internal.python.Stmt;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values the interpreter computes. Python's own values are Java's ({@link String},
 * {@link Long}, {@link Double}, {@link Boolean}, {@link List}, {@link Map}) plus {@link #NONE}; the
 * rest are records here.
 */
final class Values {

  private Values() {}

  /** Python's {@code None}. */
  static final Object NONE = new Object() {
    @Override
    public String toString() {
      return "None";
    }
  };

  /** A module or a name inside one, by its dotted path: {@code sqlalchemy.String}, {@code alembic.op}. */
  record Ref(String path) {
    Ref attribute(String name) {
      return new Ref(path + "." + name);
    }

    /** The last part of the path. */
    String last() {
      return path.substring(path.lastIndexOf('.') + 1);
    }
  }

  /**
   * A SQLAlchemy construct: what calling {@code sa.Column(…)}, {@code sa.String(36)},
   * {@code sa.text(…)}, {@code sa.func.now()} gives.
   *
   * @param name the construct, without module ({@code Column}, {@code String}, {@code func.now})
   */
  record Construct(String name, List<Object> args, Map<String, Object> kwargs) {
    Construct {
      Objects.requireNonNull(name, "name");
      args = List.copyOf(args);
      kwargs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kwargs));
    }

    Object kwarg(String key) {
      return kwargs.get(key);
    }

    Object arg(int index) {
      return index < args.size() ? args.get(index) : null;
    }
  }

  /** Something not known statically; {@code what} says what it was. */
  record Unknown(String what) {}

  /** A function defined in the revision file or a module of its project, with the globals it sees. */
  record Function(Stmt.FunctionDef definition, Map<String, Object> globals) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Function f && f.definition == definition;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(definition);
    }

    @Override
    public String toString() {
      return "function " + definition.name();
    }
  }

  /**
   * An {@code sa.MetaData()}: the tables made with it, by name ({@code md.tables['t']}), including
   * tables reflected from the database ({@code autoload_with=bind}), which list no columns.
   */
  static final class MetaData {
    final Map<Object, Object> tables = new java.util.LinkedHashMap<>();

    @Override
    public String toString() {
      return "MetaData" + tables.keySet();
    }
  }

  /** A method of a value: {@code "x".format}, {@code batch_op.add_column}. */
  record Method(Object receiver, String name) {}

  /** What {@code op.batch_alter_table(table, schema=…)} gives: its calls act on that table. */
  record Batch(String table, Object schema) {}

  /** A connection: {@code op.get_bind()}. */
  record Bind() {}

  /**
   * {@code sa.inspect(op.get_bind())}: answers from the schema replayed up to the call
   * ({@link Reflection}). Like SQLAlchemy's, it remembers each answer: asking again after a change
   * gives the first answer.
   */
  static final class Inspector {
    final Map<List<Object>, Object> answers = new java.util.HashMap<>();
    /** Whether an answer from an incomplete schema was reported already. */
    boolean reported;

    @Override
    public String toString() {
      return "Inspector";
    }
  }

  /** The migration context: {@code op.get_context()}. */
  record Context() {}

  /** {@code op.get_context().autocommit_block()}. */
  record AutocommitBlock() {}

  /** Python's truth of a known value, or {@code null} when it is not known. */
  static Boolean truth(Object v) {
    if (v == NONE) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof Long l) {
      return l != 0;
    }
    if (v instanceof Double d) {
      return d != 0;
    }
    if (v instanceof List<?> l) {
      return !l.isEmpty();
    }
    if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    if (v instanceof Construct || v instanceof Function || v instanceof Inspector || v instanceof Ref r && library(r)) {
      return true;
    }
    return null; // an application's name (a Ref outside SQLAlchemy and Alembic) has an unknown value
  }

  /** Whether {@code r} names something of SQLAlchemy or Alembic, whose meaning the translation knows. */
  static boolean library(Ref r) {
    return r.path().startsWith("sqlalchemy") || r.path().startsWith("alembic") || r.path().startsWith("builtins.");
  }

  /** Whether {@code v} is fully known (nothing unknown inside it). */
  static boolean known(Object v) {
    if (v instanceof Unknown || v instanceof Ref r && !library(r)) {
      return false;
    }
    if (v instanceof List<?> l) {
      return l.stream().allMatch(Values::known);
    }
    if (v instanceof Map<?, ?> m) {
      return m.values().stream().allMatch(Values::known) && m.keySet().stream().allMatch(Values::known);
    }
    if (v instanceof Construct c) {
      return known(c.args()) && c.kwargs().values().stream().allMatch(Values::known);
    }
    return true;
  }

  /** The first unknown part of {@code v}, described, or {@code null}. */
  static String firstUnknown(Object v) {
    if (v instanceof Unknown u) {
      return u.what();
    }
    if (v instanceof Ref r && !library(r)) {
      return r.path() + ", from outside the project";
    }
    if (v instanceof List<?> l) {
      for (Object o : l) {
        String s = firstUnknown(o);
        if (s != null) {
          return s;
        }
      }
    }
    if (v instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String s = firstUnknown(e.getValue());
        if (s == null) {
          s = firstUnknown(e.getKey());
        }
        if (s != null) {
          return s;
        }
      }
    }
    if (v instanceof Construct c) {
      String s = firstUnknown(c.args());
      return s != null ? s : firstUnknown(new java.util.ArrayList<>(c.kwargs().values()));
    }
    return null;
  }

  /** How Python's {@code str()} shows a known value. */
  static String str(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (v instanceof Long || v instanceof Double) {
      return v.toString();
    }
    if (v == NONE) {
      return "None";
    }
    return null;
  }
}
