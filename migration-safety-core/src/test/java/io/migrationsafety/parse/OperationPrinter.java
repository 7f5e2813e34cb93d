package io.migrationsafety.parse;

import io.migrationsafety.operation.DataType;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.SqlExpression;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders operations on one line each for golden files: a record as {@code Name[field=value, …]},
 * leaving out fields at their "nothing here" value (null, primitive false, empty, -1) so that files stay
 * readable; an expression as {@code sql {VOLATILITY functions}}.
 */
final class OperationPrinter {

  private OperationPrinter() {}

  static String print(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof SqlExpression e) {
      return e.sql() + " {" + e.volatility() + (e.functions().isEmpty() ? "" : " " + String.join(",", e.functions())) + "}";
    }
    if (value instanceof QualifiedName || value instanceof DataType) {
      return value.toString();
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(OperationPrinter::print).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof String s) {
      return s.indexOf(',') >= 0 || s.indexOf(']') >= 0 || s.indexOf('\n') >= 0 || s.isEmpty()
          ? '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + '"'
          : s;
    }
    if (value instanceof Record r) {
      StringBuilder sb = new StringBuilder(r.getClass().getSimpleName()).append('[');
      boolean first = true;
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        Object v;
        try {
          v = c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
        if (isNothing(v) || (c.getType() == boolean.class && Boolean.FALSE.equals(v))) {
          continue;
        }
        if (!first) {
          sb.append(", ");
        }
        first = false;
        sb.append(c.getName()).append('=').append(print(v));
      }
      return sb.append(']').toString();
    }
    return String.valueOf(value);
  }

  private static boolean isNothing(Object v) {
    return v == null
        || (v instanceof Integer i && i == -1)
        || (v instanceof String s && s.isEmpty())
        || (v instanceof List<?> l && l.isEmpty());
  }
}
