package io.migrationsafety.alembic.internal;

import io.migrationsafety.alembic.internal.Values.Construct;
import io.migrationsafety.alembic.internal.Values.Method;
import io.migrationsafety.alembic.internal.Values.Ref;
import io.migrationsafety.alembic.internal.Values.Unknown;
import io.migrationsafety.alembic.internal.python.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Python's operators and built-ins over known values: arithmetic, {@code %} and
 * {@code str.format} formatting, comparisons, subscripts, and the few built-in functions and
 * string methods migrations use. Anything else gives {@link Unknown}.
 */
final class Evaluator {

  private Evaluator() {}

  static Object number(String text) {
    String t = text.replace("_", "").toLowerCase(Locale.ROOT);
    try {
      if (t.startsWith("0x")) {
        return Long.parseLong(t.substring(2), 16);
      }
      if (t.startsWith("0o")) {
        return Long.parseLong(t.substring(2), 8);
      }
      if (t.startsWith("0b")) {
        return Long.parseLong(t.substring(2), 2);
      }
      if (t.endsWith("j")) {
        return new Unknown("a complex number");
      }
      if (t.contains(".") || t.contains("e")) {
        return Double.parseDouble(t);
      }
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      return new Unknown("the number " + text);
    }
  }

  static Object binary(String op, Object l, Object r) {
    if (!Values.known(l) || !Values.known(r)) {
      return l instanceof Unknown ? l : r instanceof Unknown ? r : new Unknown("an expression with unknown parts");
    }
    switch (op) {
      case "+" -> {
        if (l instanceof String a && r instanceof String b) {
          return a + b;
        }
        if (l instanceof List<?> a && r instanceof List<?> b) {
          List<Object> out = new ArrayList<>(a);
          out.addAll(b);
          return out;
        }
      }
      case "%" -> {
        if (l instanceof String format) {
          return percent(format, r);
        }
      }
      case "*" -> {
        if (l instanceof String s && r instanceof Long n) {
          return s.repeat((int) Math.max(0, n));
        }
        if (l instanceof List<?> list && r instanceof Long n) {
          List<Object> out = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            out.addAll(list);
          }
          return out;
        }
      }
      default -> { }
    }
    if (l instanceof Long a && r instanceof Long b) {
      switch (op) {
        case "+": return a + b;
        case "-": return a - b;
        case "*": return a * b;
        case "//": return b == 0 ? new Unknown("a division by zero") : Math.floorDiv(a, b);
        case "%": return b == 0 ? new Unknown("a division by zero") : Math.floorMod(a, b);
        case "**":
          if (b >= 0) {
            return (long) Math.pow(a, b);
          }
          return Math.pow(a, b);
        case "/": return (double) a / b;
        default: break;
      }
    }
    if (l instanceof Number a && r instanceof Number b && !(l instanceof Long && r instanceof Long)) {
      double x = a.doubleValue();
      double y = b.doubleValue();
      switch (op) {
        case "+": return x + y;
        case "-": return x - y;
        case "*": return x * y;
        case "/": return x / y;
        default: break;
      }
    }
    return new Unknown("the operator " + op + " on these values");
  }

  /** {@code format % args}, for the conversions migrations use. */
  static Object percent(String format, Object args) {
    List<?> positional = args instanceof List<?> l ? l : List.of(args);
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (++i >= format.length()) {
        return new Unknown("a % format ending in %");
      }
      Object value;
      if (format.charAt(i) == '%') {
        out.append('%');
        continue;
      }
      if (format.charAt(i) == '(') {
        int close = format.indexOf(')', i);
        if (close < 0 || !(args instanceof Map<?, ?> m)) {
          return new Unknown("a % format with named fields");
        }
        value = m.get(format.substring(i + 1, close));
        i = close + 1;
      } else {
        value = next < positional.size() ? positional.get(next++) : null;
      }
      while (i < format.length() && "-+ #0123456789.".indexOf(format.charAt(i)) >= 0) {
        i++;
      }
      if (i >= format.length() || value == null) {
        return new Unknown("a % format that does not match its arguments");
      }
      char conversion = format.charAt(i);
      String text = conversion == 'r' ? repr(value) : Values.str(value);
      if (text == null || "sdirfgu".indexOf(conversion) < 0) {
        return new Unknown("a % format with conversion %" + conversion);
      }
      if ((conversion == 'd' || conversion == 'i') && value instanceof Double d) {
        text = Long.toString(d.longValue());
      }
      out.append(text);
    }
    return out.toString();
  }

  /** {@code format.format(*args, **kwargs)} for plain {@code {}}, {@code {0}} and {@code {name}} fields. */
  static Object format(String format, List<Object> args, Map<String, Object> kwargs) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if ((c == '{' || c == '}') && i + 1 < format.length() && format.charAt(i + 1) == c) {
        out.append(c);
        i++;
        continue;
      }
      if (c != '{') {
        out.append(c);
        continue;
      }
      int close = format.indexOf('}', i);
      if (close < 0) {
        return new Unknown("a str.format with an unclosed field");
      }
      String field = format.substring(i + 1, close);
      if (field.contains(":") || field.contains("!") || field.contains(".") || field.contains("[")) {
        return new Unknown("a str.format field with a spec");
      }
      Object value;
      if (field.isEmpty()) {
        value = next < args.size() ? args.get(next++) : null;
      } else if (field.chars().allMatch(Character::isDigit)) {
        int index = Integer.parseInt(field);
        value = index < args.size() ? args.get(index) : null;
      } else {
        value = kwargs.get(field);
      }
      String text = value == null ? null : Values.str(value);
      if (text == null) {
        return new Unknown("a str.format whose fields are not known");
      }
      out.append(text);
      i = close;
    }
    return out.toString();
  }

  static String repr(Object v) {
    if (v instanceof String s) {
      return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
    return Values.str(v);
  }

  static Object compare(String op, Object l, Object r) {
    if (!Values.known(l) || !Values.known(r)) {
      return new Unknown("a comparison with unknown parts");
    }
    switch (op) {
      case "==", "is":
        return equal(l, r);
      case "!=", "is not":
        return !equal(l, r);
      case "in", "not in": {
        Boolean in = contains(r, l);
        if (in == null) {
          return new Unknown("an 'in' test on this value");
        }
        return op.equals("in") == in;
      }
      default:
        break;
    }
    if (l instanceof Number a && r instanceof Number b) {
      int c = Double.compare(a.doubleValue(), b.doubleValue());
      return switch (op) {
        case "<" -> c < 0;
        case "<=" -> c <= 0;
        case ">" -> c > 0;
        case ">=" -> c >= 0;
        default -> new Unknown("the comparison " + op);
      };
    }
    return new Unknown("the comparison " + op + " on these values");
  }

  private static boolean equal(Object l, Object r) {
    if (l instanceof Number a && r instanceof Number b) {
      return a.doubleValue() == b.doubleValue();
    }
    return Objects.equals(l, r);
  }

  private static Boolean contains(Object container, Object item) {
    if (container instanceof String s && item instanceof String i) {
      return s.contains(i);
    }
    if (container instanceof List<?> l) {
      return l.stream().anyMatch(x -> equal(x, item));
    }
    if (container instanceof Map<?, ?> m) {
      return m.containsKey(item);
    }
    return null;
  }

  static Object subscript(Object value, Object index) {
    if (!Values.known(value) || !Values.known(index)) {
      return new Unknown("a subscript of an unknown value");
    }
    if (value instanceof List<?> l && index instanceof Long i) {
      long at = i < 0 ? l.size() + i : i;
      return at >= 0 && at < l.size() ? l.get((int) at) : new Unknown("an index out of range");
    }
    if (value instanceof String s && index instanceof Long i) {
      long at = i < 0 ? s.length() + i : i;
      return at >= 0 && at < s.length() ? String.valueOf(s.charAt((int) at)) : new Unknown("an index out of range");
    }
    if (value instanceof CoreSql.Columns columns && columns.column(index) != null) {
      return columns.column(index);
    }
    if (value instanceof Map<?, ?> m && m.containsKey(index)) {
      return m.get(index);
    }
    return new Unknown("this subscript");
  }

  /** Calls of built-in functions and of methods of strings, lists and dicts. */
  static Object builtin(Object function, List<Object> args, Map<String, Object> kwargs) {
    if (function instanceof Ref ref && ref.path().startsWith("builtins.")) {
      Object a = args.isEmpty() ? null : args.get(0);
      switch (ref.last()) {
        case "str":
          return a == null ? "" : Values.str(a) != null ? Values.str(a) : new Unknown("str() of this value");
        case "int":
          if (a instanceof Long) {
            return a;
          }
          if (a instanceof String s) {
            return number(s.strip());
          }
          if (a instanceof Double d) {
            return d.longValue();
          }
          break;
        case "len":
          if (a instanceof String s) {
            return (long) s.length();
          }
          if (a instanceof List<?> l) {
            return (long) l.size();
          }
          if (a instanceof Map<?, ?> m) {
            return (long) m.size();
          }
          break;
        case "list", "tuple", "sorted", "set", "frozenset":
          if (a == null) {
            return new ArrayList<>();
          }
          if (a instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l);
            if (ref.last().equals("sorted") && out.stream().allMatch(x -> x instanceof String)) {
              out.sort((x, y) -> ((String) x).compareTo((String) y));
            } else if (ref.last().equals("sorted")) {
              break;
            }
            return out;
          }
          if (a instanceof Map<?, ?> m) {
            return new ArrayList<>(m.keySet());
          }
          break;
        case "dict":
          if (args.isEmpty()) {
            return new LinkedHashMap<Object, Object>(kwargs);
          }
          break;
        case "range":
          if (args.stream().allMatch(x -> x instanceof Long)) {
            long start = args.size() > 1 ? (Long) args.get(0) : 0;
            long stop = args.size() > 1 ? (Long) args.get(1) : (Long) args.get(0);
            long step = args.size() > 2 ? (Long) args.get(2) : 1;
            List<Object> out = new ArrayList<>();
            for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
              out.add(i);
              if (out.size() > 10_000 || step == 0) {
                return new Unknown("a long range");
              }
            }
            return out;
          }
          break;
        case "enumerate":
          if (a instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
              out.add(List.of((long) i, l.get(i)));
            }
            return out;
          }
          break;
        case "zip":
          if (args.stream().allMatch(x -> x instanceof List)) {
            int n = args.stream().mapToInt(x -> ((List<?>) x).size()).min().orElse(0);
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
              List<Object> row = new ArrayList<>();
              for (Object x : args) {
                row.add(((List<?>) x).get(i));
              }
              out.add(row);
            }
            return out;
          }
          break;
        case "_":
          return a instanceof String ? a : new Unknown("a translated message");
        default:
          break;
      }
      return new Unknown(ref.last() + "() of these arguments");
    }
    if (function instanceof Method m) {
      return method(m, args, kwargs);
    }
    return null;
  }

  private static Object method(Method m, List<Object> args, Map<String, Object> kwargs) {
    Object a = args.isEmpty() ? null : args.get(0);
    if (m.receiver() instanceof String s) {
      switch (m.name()) {
        case "format":
          return format(s, args, kwargs);
        case "join":
          if (a instanceof List<?> l && l.stream().allMatch(x -> x instanceof String)) {
            return String.join(s, l.stream().map(x -> (String) x).toList());
          }
          break;
        case "upper":
          return s.toUpperCase(Locale.ROOT);
        case "lower":
          return s.toLowerCase(Locale.ROOT);
        case "strip":
          return a == null ? s.strip() : new Unknown("strip() of characters");
        case "replace":
          if (a instanceof String x && args.size() > 1 && args.get(1) instanceof String y) {
            return s.replace(x, y);
          }
          break;
        case "startswith":
          return a instanceof String x ? s.startsWith(x) : new Unknown("startswith() of this");
        case "endswith":
          return a instanceof String x ? s.endsWith(x) : new Unknown("endswith() of this");
        case "split":
          if (a instanceof String x && !x.isEmpty()) {
            List<Object> out = new ArrayList<>();
            int from = 0;
            for (int at = s.indexOf(x); at >= 0; at = s.indexOf(x, from)) {
              out.add(s.substring(from, at));
              from = at + x.length();
            }
            out.add(s.substring(from));
            return out;
          }
          break;
        default:
          break;
      }
      return new Unknown("str." + m.name() + "() of these arguments");
    }
    if (m.receiver() instanceof List<?> list) {
      @SuppressWarnings("unchecked")
      List<Object> l = (List<Object>) list;
      switch (m.name()) {
        case "append":
          l.add(a);
          return Values.NONE;
        case "extend":
          if (a instanceof List<?> more) {
            l.addAll(more);
            return Values.NONE;
          }
          l.add(new Unknown("the items of an extend()"));
          return Values.NONE;
        default:
          return new Unknown("list." + m.name() + "()");
      }
    }
    if (m.receiver() instanceof Map<?, ?> map) {
      switch (m.name()) {
        case "get":
          return map.containsKey(a) ? map.get(a) : args.size() > 1 ? args.get(1) : Values.NONE;
        case "keys":
          return new ArrayList<Object>(map.keySet());
        case "values":
          return new ArrayList<Object>(map.values());
        case "items": {
          List<Object> out = new ArrayList<>();
          map.forEach((k, v) -> out.add(List.of(k, v)));
          return out;
        }
        default:
          return new Unknown("dict." + m.name() + "()");
      }
    }
    return null;
  }

  /** A construct from a SQLAlchemy name: {@code sqlalchemy.dialects.postgresql.JSONB} gives {@code JSONB}. */
  static String constructName(Ref ref) {
    String path = ref.path();
    int func = path.indexOf(".func.");
    if (func >= 0) {
      return "func." + path.substring(func + ".func.".length());
    }
    return ref.last();
  }

  /** A short text for an expression, for messages: {@code migration.schema_has_table(…)}. */
  static String describe(Expr e) {
    if (e instanceof Expr.Name n) {
      return n.id();
    }
    if (e instanceof Expr.Attribute a) {
      return describe(a.value()) + "." + a.attr();
    }
    if (e instanceof Expr.Call c) {
      return describe(c.function()) + "(…)";
    }
    if (e instanceof Expr.Subscript s) {
      return describe(s.value()) + "[…]";
    }
    return "an expression";
  }

  static Construct construct(Ref ref, List<Object> args, Map<String, Object> kwargs) {
    return new Construct(constructName(ref), args, kwargs);
  }
}
