package io.migrationsafety.alembic.internal;

import io.migrationsafety.alembic.internal.Values.Construct;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code op.bulk_insert(table, rows)}: one {@code INSERT} per row, with literal values, as Alembic
 * writes it offline. A value Python computes only at run time ({@code uuid4()}, {@code now()}, a
 * column of a row the revision queried) is a bound parameter ({@code $1}), which is how Alembic
 * sends every value online: the statement, its table and its columns are still known exactly.
 */
final class BulkInsert {

  private BulkInsert() {}

  static List<String> statements(Object tableValue, Object rowsValue) {
    if (!(tableValue instanceof Construct t) || !(t.name().equals("table") || t.name().equals("Table"))) {
      throw new Untranslatable("the table is not an sa.table(…) known statically");
    }
    String table = Ddl.table(t.kwarg("schema"), Ddl.name(t.arg(0), "the table name"));
    List<String> order = new ArrayList<>();
    for (Object c : t.args().subList(Math.min(1, t.args().size()), t.args().size())) {
      if (c instanceof Construct col && (col.name().equals("column") || col.name().equals("Column"))) {
        order.add(Ddl.name(col.arg(0), "a column name"));
      } else if (!(c instanceof Construct) && !(c instanceof Values.MetaData)) {
        throw new Untranslatable("a column of the table is not known statically");
      } // constraints, indexes and the MetaData say nothing about the inserted columns
    }
    if (!(rowsValue instanceof List<?> rows)) {
      throw new Untranslatable("the rows are not a list known statically (" + Ddl.unknownText(rowsValue) + ")");
    }
    boolean reflected = order.isEmpty() && (t.kwargs().containsKey("autoload_with") || t.kwargs().containsKey("autoload"));
    if (reflected) {
      // a table read from the database lists no columns here: each row names its own
      for (Object r : rows) {
        if (r instanceof Map<?, ?> row) {
          row.keySet().stream().filter(k -> k instanceof String && !order.contains(k)).forEach(k -> order.add((String) k));
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (Object r : rows) {
      if (!(r instanceof Map<?, ?> row)) {
        throw new Untranslatable("a row is not a dict known statically (" + Ddl.unknownText(r) + ")");
      }
      List<String> names = new ArrayList<>();
      List<String> values = new ArrayList<>();
      int parameters = 0;
      for (String column : order) {
        if (row.containsKey(column)) {
          names.add(Ddl.ident(column));
          Object value = row.get(column);
          values.add(boundAtRunTime(value) ? "$" + ++parameters : Ddl.literal(value));
        }
      }
      for (Object key : row.keySet()) {
        if (!order.contains(key)) {
          throw new Untranslatable("a row names the column " + key + ", which the table does not list");
        }
      }
      out.add("INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES (" + String.join(", ", values) + ")");
    }
    return out;
  }

  /** A plain value (not SQL) that Python computes when the revision runs. */
  private static boolean boundAtRunTime(Object value) {
    return !(value instanceof Construct) && !Values.known(value);
  }
}
