package io.migrationsafety.lock;

import io.migrationsafety.operation.DataType;
import java.util.List;
import java.util.Set;

/**
 * Which column type changes PostgreSQL makes without rewriting the table (SQL Commands: ALTER
 * TABLE, Notes: "changing the type of an existing column will require the entire table and its
 * indexes to be rewritten", except for binary-coercible changes and type-modifier increases the
 * server proves harmless). Anything not listed here is treated as a rewrite; so is
 * {@code timestamp} ↔ {@code timestamptz}, which is in place only when the session's TimeZone is
 * UTC, a setting a migration review cannot see.
 */
public final class TypeRewrites {

  private static final Set<String> WIDENING_BY_LENGTH = Set.of("character varying", "bit varying");
  private static final Set<String> WIDENING_BY_PRECISION = Set.of(
      "timestamp without time zone", "timestamp with time zone", "time without time zone",
      "time with time zone", "interval");

  private TypeRewrites() {}

  /** Whether changing a column from {@code from} to {@code to} (without USING) rewrites the table. */
  public static boolean rewrites(DataType from, DataType to) {
    if (from.arrayDimensions() != to.arrayDimensions()) {
      return true;
    }
    String a = from.name();
    String b = to.name();
    if (a.equals(b)) {
      if (from.modifiers().equals(to.modifiers())) {
        return false;
      }
      if (WIDENING_BY_LENGTH.contains(a) || WIDENING_BY_PRECISION.contains(a)) {
        return !widens(from.modifiers(), to.modifiers(), 0);
      }
      if (a.equals("numeric")) {
        // Same scale and at least the precision, or no limits at all.
        return !(to.modifiers().isEmpty() || (from.modifiers().size() == to.modifiers().size()
            && scale(from).equals(scale(to)) && widens(from.modifiers(), to.modifiers(), 0)));
      }
      return true;
    }
    // Binary-coercible pairs (pg_cast with castmethod 'b'), checked on the server by the
    // agreement test: varchar <-> text, cidr -> inet.
    if (a.equals("character varying") && b.equals("text")) {
      return false;
    }
    if (a.equals("text") && b.equals("character varying") && to.modifiers().isEmpty()) {
      return false;
    }
    return !(a.equals("cidr") && b.equals("inet"));
  }

  /** Whether the modifier at {@code index} grows or disappears. */
  private static boolean widens(List<String> from, List<String> to, int index) {
    if (to.size() <= index) {
      return true;
    }
    if (from.size() <= index) {
      return false;
    }
    try {
      return Long.parseLong(to.get(index).strip()) >= Long.parseLong(from.get(index).strip());
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String scale(DataType type) {
    return type.modifiers().size() > 1 ? type.modifiers().get(1).strip() : "0";
  }
}
