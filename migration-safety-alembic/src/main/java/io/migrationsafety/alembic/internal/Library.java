package io.migrationsafety.alembic.internal;

import io.migrationsafety.alembic.internal.Values.AutocommitBlock;
import io.migrationsafety.alembic.internal.Values.Batch;
import io.migrationsafety.alembic.internal.Values.Bind;
import io.migrationsafety.alembic.internal.Values.Construct;
import io.migrationsafety.alembic.internal.Values.Context;
import io.migrationsafety.alembic.internal.Values.Method;
import io.migrationsafety.alembic.internal.Values.Ref;
import io.migrationsafety.alembic.internal.Values.Unknown;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Alembic's and SQLAlchemy's names mean to the interpreter: {@code op.*} calls, the bind and
 * the migration context, the inspector, SQLAlchemy constructs and Core statements. The
 * {@link Interpreter} evaluates Python; everything a library gives it comes from here.
 */
final class Library {

  /** SQLAlchemy's ways to get an inspector for a connection. */
  private static final Set<String> INSPECT = Set.of("sqlalchemy.inspect", "sqlalchemy.inspection.inspect",
      "sqlalchemy.engine.reflection.Inspector.from_engine", "sqlalchemy.Inspector.from_engine");
  /** Dialect checks: the review is for PostgreSQL, so they take PostgreSQL's branch. */
  private static final Set<String> DIALECT_NAMES = Set.of("bind.dialect.name", "bind.engine.name", "bind.name",
      "context.dialect.name");

  private final Ops ops;
  private final SqlEmitter emitter;
  /** The database before the function runs, for inspections; {@code null} when not known. */
  private final SchemaState before;
  private final String file;

  Library(Ops ops, SqlEmitter emitter, SchemaState before, String file) {
    this.ops = ops;
    this.emitter = emitter;
    this.before = before;
    this.file = file;
  }

  /** {@code "postgresql"} for {@code op.get_bind().dialect.name} and its kin; else {@code null}. */
  static Object dialectName(Ref ref, String attr) {
    return DIALECT_NAMES.contains(ref.path() + "." + attr) ? "postgresql" : null;
  }

  /** {@code value.attr} for a value that is not a module or an unknown. */
  static Object attribute(Object value, String attr) {
    if (value instanceof Bind) {
      return Set.of("execute", "exec_driver_sql").contains(attr) ? new Method(value, attr) : new Ref("bind." + attr);
    }
    if (value instanceof Context c) {
      return attr.equals("autocommit_block") ? new Method(c, attr) : new Ref("context." + attr);
    }
    if (attr.equals("c") && CoreSql.isTable(value)) {
      return new CoreSql.Columns((Construct) value);
    }
    if (value instanceof CoreSql.Columns columns) {
      return columns.column(attr);
    }
    if (value instanceof Values.MetaData md && attr.equals("tables")) {
      return md.tables;
    }
    if (value instanceof Construct c && c.kwargs().containsKey(attr)) {
      return c.kwarg(attr); // sa.Enum(…, name='x').name
    }
    if (value instanceof Construct c && attr.equals("enums") && Set.of("Enum", "ENUM").contains(c.name())) {
      return new ArrayList<>(c.args());
    }
    return new Method(value, attr);
  }

  /**
   * Calls {@code function} when a library provides it: its value (after writing the SQL it
   * stands for); {@code null} when the function is not a library's.
   */
  Object call(Object function, List<Object> args, Map<String, Object> kwargs, int line, int column) {
    if (function instanceof Ref ref && ref.path().startsWith("alembic.op.")) {
      return ops.op(ref.last(), args, kwargs, line, column);
    }
    if (function instanceof Ref ref && INSPECT.contains(ref.path())) {
      return inspector(args);
    }
    if (function instanceof Ref ref && ref.path().startsWith("sqlalchemy")) {
      return sqlalchemy(ref, args, kwargs);
    }
    if (!(function instanceof Method m)) {
      return null;
    }
    if (m.receiver() instanceof Batch batch) {
      return ops.batch(batch, m.name(), args, kwargs, line, column);
    }
    if (m.receiver() instanceof Bind) {
      ops.op("execute", args.isEmpty() ? args : List.of(args.get(0)), Map.of(), line, column);
      return new Unknown("the rows a statement returns when the revision runs");
    }
    if (m.receiver() instanceof Context && m.name().equals("autocommit_block")) {
      return new AutocommitBlock();
    }
    if (m.receiver() instanceof Values.Inspector inspector) {
      return inspect(inspector, m.name(), args, kwargs, line, column);
    }
    return CoreSql.method(m.receiver(), m.name(), args, kwargs);
  }

  private static Object sqlalchemy(Ref ref, List<Object> args, Map<String, Object> kwargs) {
    if (ref.last().equals("MetaData")) {
      return new Values.MetaData();
    }
    Object core = CoreSql.function(ref.last(), args);
    if (core != null) {
      return core;
    }
    Construct construct = Evaluator.construct(ref, args, kwargs);
    if (construct.name().equals("Table") && construct.arg(1) instanceof Values.MetaData md
        && construct.arg(0) instanceof String name) {
      md.tables.put(name, construct);
    }
    return construct;
  }

  /** {@code sa.inspect(op.get_bind())}; unknown where the database before the revision is not known. */
  private Object inspector(List<Object> args) {
    Object target = args.isEmpty() ? null : args.get(0);
    if (!(target instanceof Bind || target instanceof Ref r && r.path().startsWith("bind."))) {
      return new Unknown("an inspection of something other than op.get_bind()");
    }
    if (before == null) {
      return new Unknown("a database inspector (the schema before this revision is not known here)");
    }
    return new Values.Inspector();
  }

  /**
   * {@code inspector.<method>(…)}, answered from the schema replayed up to this call. An answer
   * from a model the replay could not follow everywhere is reported (once per inspector): it may
   * differ from the database's.
   */
  private Object inspect(Values.Inspector inspector, String method, List<Object> args, Map<String, Object> kwargs,
      int line, int column) {
    List<Object> key = List.of(method, args, kwargs);
    if (inspector.answers.containsKey(key)) {
      return inspector.answers.get(key);
    }
    SchemaState now = before.after(emitter.written(), file);
    if (!now.untrusted().isEmpty() && !inspector.reported) {
      inspector.reported = true;
      emitter.unresolved(line, column, "the database inspector answers from the schema replayed from the earlier "
          + "revisions, which is incomplete (" + String.join("; ", now.untrusted())
          + "): what it finds may differ from the database");
    }
    Object answer = Reflection.call(now.schema(), method, args, kwargs);
    inspector.answers.put(key, answer);
    return answer;
  }
}
