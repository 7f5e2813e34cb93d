package io.migrationsafety.alembic.internal;

import io.migrationsafety.alembic.internal.Values.Batch;
import io.migrationsafety.alembic.internal.Values.Bind;
import io.migrationsafety.alembic.internal.Values.Construct;
import io.migrationsafety.alembic.internal.Values.Context;
import io.migrationsafety.alembic.internal.Values.Unknown;
import io.migrationsafety.sql.SqlSplitter;
import io.migrationsafety.sql.SqlSyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code op.*} calls of Alembic's operations API, each written as the PostgreSQL statements
 * Alembic emits for it (in offline mode, {@code alembic upgrade --sql}), on the line of the call.
 * A call it cannot translate becomes an unresolved statement that says why.
 */
final class Ops {

  /** Each operation's parameters in Alembic's order; {@code *name} collects the rest. */
  private static final Map<String, List<String>> SIGNATURES = Map.ofEntries(
      Map.entry("create_table", List.of("table_name", "*columns")),
      Map.entry("drop_table", List.of("table_name", "schema")),
      Map.entry("add_column", List.of("table_name", "column", "schema")),
      Map.entry("drop_column", List.of("table_name", "column_name", "schema")),
      Map.entry("alter_column", List.of("table_name", "column_name", "nullable", "comment", "server_default",
          "new_column_name", "type_", "existing_type", "existing_server_default", "existing_nullable",
          "existing_comment", "schema")),
      Map.entry("create_index", List.of("index_name", "table_name", "columns", "schema", "unique")),
      Map.entry("drop_index", List.of("index_name", "table_name", "schema")),
      Map.entry("create_foreign_key", List.of("constraint_name", "source_table", "referent_table", "local_cols",
          "remote_cols", "onupdate", "ondelete", "deferrable", "initially", "match", "source_schema",
          "referent_schema")),
      Map.entry("create_unique_constraint", List.of("constraint_name", "table_name", "columns", "schema")),
      Map.entry("create_check_constraint", List.of("constraint_name", "table_name", "condition", "schema")),
      Map.entry("create_primary_key", List.of("constraint_name", "table_name", "columns", "schema")),
      Map.entry("drop_constraint", List.of("constraint_name", "table_name", "type_", "schema")),
      Map.entry("rename_table", List.of("old_table_name", "new_table_name", "schema")),
      Map.entry("execute", List.of("sqltext", "execution_options")),
      Map.entry("bulk_insert", List.of("table", "rows", "multiinsert")),
      Map.entry("create_table_comment", List.of("table_name", "comment", "existing_comment", "schema")),
      Map.entry("drop_table_comment", List.of("table_name", "existing_comment", "schema")));

  private final SqlEmitter emitter;
  private final List<OpCall> calls;
  /** The enum types create_table made in this run: a second table using one does not create it again. */
  private final java.util.Set<String> createdTypes = new java.util.HashSet<>();

  Ops(SqlEmitter emitter, List<OpCall> calls) {
    this.emitter = emitter;
    this.calls = calls;
  }

  /** {@code op.<name>(…)}: its value (for helpers such as {@code op.f}) after writing its SQL. */
  Object op(String name, List<Object> args, Map<String, Object> kwargs, int line, int column) {
    switch (name) {
      case "f":
        return args.isEmpty() ? new Unknown("op.f()") : args.get(0);
      case "inline_literal":
        return args.isEmpty() ? new Unknown("op.inline_literal()") : args.get(0);
      case "get_bind":
        return new Bind();
      case "get_context":
        return new Context();
      case "batch_alter_table": {
        Object table = args.isEmpty() ? kwargs.get("table_name") : args.get(0);
        Object schema = args.size() > 1 ? args.get(1) : kwargs.get("schema");
        return new Batch(table instanceof String s ? s : null, schema);
      }
      default:
        break;
    }
    List<String> signature = SIGNATURES.get(name);
    if (signature == null) {
      return untranslated(name, line, column, "op." + name + " is not an operation this library translates");
    }
    try {
      List<String> sql = translate(name, bind(signature, args, kwargs));
      for (String statement : sql) {
        emitter.statement(line, column, statement);
      }
      calls.add(new OpCall(name, line, null));
    } catch (Untranslatable e) {
      return untranslated(name, line, column, "op." + name + ": " + e.getMessage());
    } catch (RuntimeException e) {
      // a translator bug must not lose the call or end the review: fail closed
      return untranslated(name, line, column, "op." + name + ": internal error (" + e + "); please report it");
    }
    return name.equals("create_table") ? table(args, kwargs) : Values.NONE;
  }

  /** {@code batch_op.<name>(…)} inside {@code with op.batch_alter_table(…) as batch_op}. */
  Object batch(Batch batch, String name, List<Object> args, Map<String, Object> kwargs, int line, int column) {
    if (batch.table() == null) {
      return untranslated(name, line, column, "batch_op." + name + ": the batch's table is not known statically");
    }
    List<Object> withTable = new ArrayList<>(args);
    Map<String, Object> kw = new LinkedHashMap<>(kwargs);
    if (batch.schema() != null) {
      kw.putIfAbsent(name.equals("create_foreign_key") ? "source_schema" : "schema", batch.schema());
    }
    switch (name) {
      case "add_column", "drop_column", "alter_column", "create_table_comment", "drop_table_comment":
        withTable.add(0, batch.table());
        break;
      case "create_index", "create_unique_constraint", "create_check_constraint", "create_primary_key",
          "drop_constraint", "create_foreign_key", "drop_index":
        // the batch form drops the table argument, which follows the name in op.*'s signature
        if (withTable.isEmpty()) {
          kw.put(name.equals("create_foreign_key") ? "source_table" : "table_name", batch.table());
        } else {
          withTable.add(1, batch.table());
        }
        break;
      case "execute":
        break;
      default:
        return untranslated(name, line, column, "batch_op." + name + " is not an operation this library translates");
    }
    return op(name, withTable, kw, line, column);
  }

  private Object untranslated(String name, int line, int column, String reason) {
    emitter.unresolved(line, column, reason);
    calls.add(new OpCall(name, line, reason));
    return new Unknown("the result of op." + name);
  }

  /** Binds Python arguments to parameter names; leftovers stay under their keywords. */
  static Map<String, Object> bind(List<String> params, List<Object> args, Map<String, Object> kwargs) {
    Map<String, Object> bound = new LinkedHashMap<>(kwargs);
    int i = 0;
    for (String p : params) {
      if (p.startsWith("*")) {
        bound.put(p.substring(1), new ArrayList<>(args.subList(Math.min(i, args.size()), args.size())));
        i = args.size();
      } else if (i < args.size()) {
        if (bound.containsKey(p)) {
          throw new Untranslatable("the argument " + p + " is given twice");
        }
        bound.put(p, args.get(i++));
      }
    }
    if (i < args.size()) {
      throw new Untranslatable("it has more positional arguments than Alembic takes");
    }
    if (bound.containsKey("**")) {
      throw new Untranslatable(Values.firstUnknown(bound.get("**")) + " are not known statically");
    }
    return bound;
  }

  private List<String> translate(String name, Map<String, Object> a) {
    Object schema = a.get("schema");
    switch (name) {
      case "create_table":
        return Tables.create(Ddl.name(a.get("table_name"), "the table name"), list(a.get("columns")), a,
            createdTypes);
      case "drop_table":
        return List.of("DROP TABLE " + Ddl.table(schema, Ddl.name(a.get("table_name"), "the table name")));
      case "add_column":
        return Tables.addColumn(table(a), a.get("column"));
      case "drop_column":
        return List.of("ALTER TABLE " + table(a) + " DROP COLUMN "
            + Ddl.ident(Ddl.name(a.get("column_name"), "the column name")));
      case "alter_column":
        return Columns.alter(table(a), Ddl.name(a.get("column_name"), "the column name"), a);
      case "create_index":
        return List.of(Indexes.create(a));
      case "drop_index":
        return List.of(Indexes.drop(a));
      case "create_foreign_key":
        return List.of("ALTER TABLE " + Ddl.table(a.get("source_schema"), Ddl.name(a.get("source_table"), "the table"))
            + " ADD " + Constraints.foreignKey(a.get("constraint_name"), a.get("local_cols"),
                Ddl.table(a.get("referent_schema"), Ddl.name(a.get("referent_table"), "the referenced table")),
                a.get("remote_cols"), a));
      case "create_unique_constraint":
        return List.of("ALTER TABLE " + table(a) + " ADD " + Constraints.named(a.get("constraint_name"))
            + "UNIQUE (" + Ddl.columnList(a.get("columns"), "the columns") + ")");
      case "create_primary_key":
        return List.of("ALTER TABLE " + table(a) + " ADD " + Constraints.named(a.get("constraint_name"))
            + "PRIMARY KEY (" + Ddl.columnList(a.get("columns"), "the columns") + ")");
      case "create_check_constraint":
        return List.of("ALTER TABLE " + table(a) + " ADD " + Constraints.named(a.get("constraint_name"))
            + "CHECK (" + Ddl.sql(a.get("condition"), "the condition") + ")");
      case "drop_constraint":
        return List.of("ALTER TABLE " + table(a) + " DROP CONSTRAINT "
            + Ddl.ident(Ddl.name(a.get("constraint_name"), "the constraint name")));
      case "rename_table":
        return List.of("ALTER TABLE " + Ddl.table(schema, Ddl.name(a.get("old_table_name"), "the table name"))
            + " RENAME TO " + Ddl.ident(Ddl.name(a.get("new_table_name"), "the new table name")));
      case "execute":
        return List.of(executed(a.get("sqltext")));
      case "bulk_insert":
        return BulkInsert.statements(a.get("table"), a.get("rows"));
      case "create_table_comment":
        return List.of("COMMENT ON TABLE " + table(a) + " IS " + Ddl.literal(a.get("comment")));
      case "drop_table_comment":
        return List.of("COMMENT ON TABLE " + table(a) + " IS NULL");
      default:
        throw new Untranslatable("op." + name + " is not translated");
    }
  }

  /** What op.create_table returns: the table, usable by bulk_insert. */
  private static Construct table(List<Object> args, Map<String, Object> kwargs) {
    Map<String, Object> kw = new LinkedHashMap<>();
    if (kwargs.containsKey("schema")) {
      kw.put("schema", kwargs.get("schema"));
    }
    return new Construct("Table", args, kw);
  }

  private static String table(Map<String, Object> a) {
    return Ddl.table(a.get("schema"), Ddl.name(a.get("table_name"), "the table name"));
  }

  private static List<?> list(Object v) {
    return v instanceof List<?> l ? l : List.of();
  }

  /** The SQL of {@code op.execute}: a string or {@code sa.text}, which must split as SQL. */
  private static String executed(Object sqltext) {
    String sql = sqltext instanceof CoreSql.Statement statement ? CoreSql.sql(statement) : Ddl.sql(sqltext, "the SQL");
    try {
      SqlSplitter.split(sql, "op.execute");
    } catch (SqlSyntaxException e) {
      throw new Untranslatable("the SQL cannot be read: " + e.getMessage());
    }
    return sql;
  }
}
