package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.DataType;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.sql.Token;
import io.migrationsafety.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a type name as gram.y's {@code Typename} does, including the multi-word SQL-standard
 * types ({@code double precision}, {@code character varying}, {@code timestamp (3) with time zone},
 * {@code interval day to second}), modifiers and array bounds, and resolves PostgreSQL's aliases
 * to canonical names so that {@code int4}, {@code int} and {@code integer} compare equal.
 */
final class DataTypes {

  /** Aliases and their canonical names (Table 8.1 of the PostgreSQL documentation). */
  private static final Map<String, String> CANONICAL = Map.ofEntries(
      Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("integer", "integer"),
      Map.entry("int2", "smallint"), Map.entry("smallint", "smallint"),
      Map.entry("int8", "bigint"), Map.entry("bigint", "bigint"),
      Map.entry("serial", "serial"), Map.entry("serial4", "serial"),
      Map.entry("bigserial", "bigserial"), Map.entry("serial8", "bigserial"),
      Map.entry("smallserial", "smallserial"), Map.entry("serial2", "smallserial"),
      Map.entry("float4", "real"), Map.entry("real", "real"),
      Map.entry("float8", "double precision"),
      Map.entry("decimal", "numeric"), Map.entry("numeric", "numeric"), Map.entry("dec", "numeric"),
      Map.entry("bool", "boolean"), Map.entry("boolean", "boolean"),
      Map.entry("varchar", "character varying"),
      Map.entry("char", "character"), Map.entry("character", "character"), Map.entry("bpchar", "character"),
      Map.entry("nchar", "character"),
      Map.entry("varbit", "bit varying"),
      Map.entry("timestamptz", "timestamp with time zone"),
      Map.entry("timetz", "time with time zone"));

  private DataTypes() {}

  /** Reads a type. */
  static DataType parse(TokenCursor c) {
    int start = c.mark();
    String name;
    List<String> modifiers = new ArrayList<>();
    if (c.accept("double", "precision")) {
      name = "double precision";
    } else if (c.isAny("character", "char", "varchar", "nchar") || c.is("national")) {
      c.accept("national");
      String first = c.next().text().toLowerCase(java.util.Locale.ROOT);
      boolean varying = first.equals("varchar") || c.accept("varying");
      name = varying ? "character varying" : "character";
      modifiers = modifiers(c);
    } else if (c.is("bit")) {
      c.next();
      name = c.accept("varying") ? "bit varying" : "bit";
      modifiers = modifiers(c);
    } else if (c.isAny("timestamp", "time")) {
      String base = c.next().text().toLowerCase(java.util.Locale.ROOT);
      modifiers = modifiers(c);
      if (c.accept("with", "time", "zone")) {
        name = base + " with time zone";
      } else {
        c.accept("without", "time", "zone");
        name = base + " without time zone";
      }
    } else if (c.is("interval")) {
      c.next();
      name = "interval";
      StringBuilder fields = new StringBuilder();
      while (c.isAny("year", "month", "day", "hour", "minute", "second", "to")) {
        fields.append(' ').append(c.next().text().toLowerCase(java.util.Locale.ROOT));
      }
      name += fields;
      modifiers = modifiers(c);
    } else if (c.is("float")) {
      c.next();
      modifiers = modifiers(c);
      name = floatName(modifiers);
      modifiers = List.of();
    } else {
      boolean quoted = c.peek() != null && c.peek().type() == TokenType.QUOTED_IDENTIFIER;
      QualifiedName qualified = c.qualifiedName();
      // A quoted name is never an alias: "char" is PostgreSQL's one-byte type, not character.
      name = quoted ? qualified.sql() : canonical(qualified);
      modifiers = modifiers(c);
    }
    int dimensions = 0;
    while (true) {
      if (c.isSymbol("[")) {
        c.next();
        while (!c.isSymbol("]")) {
          Token t = c.next();
          if (t.type() != TokenType.NUMBER) {
            throw c.fail("expected an array bound");
          }
        }
        c.expectSymbol("]");
        dimensions++;
      } else if (c.is("array")) {
        c.next();
        if (c.acceptSymbol("[")) {
          c.next();
          c.expectSymbol("]");
        }
        dimensions++;
      } else {
        break;
      }
    }
    return new DataType(name, modifiers, dimensions, c.textBetween(start, c.mark()));
  }

  private static String canonical(QualifiedName qualified) {
    boolean catalog = qualified.schema() == null || qualified.schema().equals("pg_catalog");
    if (catalog) {
      String known = CANONICAL.get(qualified.name());
      if (known != null) {
        return known;
      }
    }
    if (qualified.schema() != null && qualified.schema().equals("pg_catalog")) {
      return QualifiedName.quote(qualified.name());
    }
    return qualified.sql();
  }

  /** {@code float(p)}: real up to 24 bits of precision, double precision above (or unsized). */
  private static String floatName(List<String> modifiers) {
    if (modifiers.size() == 1) {
      try {
        return Integer.parseInt(modifiers.get(0)) <= 24 ? "real" : "double precision";
      } catch (NumberFormatException e) {
        return "double precision";
      }
    }
    return "double precision";
  }

  private static List<String> modifiers(TokenCursor c) {
    if (!c.isSymbol("(")) {
      return List.of();
    }
    c.next();
    List<String> modifiers = new ArrayList<>();
    do {
      String m = c.textUntil(cursor -> cursor.isSymbol(","));
      if (m.isEmpty()) {
        throw c.fail("expected a type modifier");
      }
      modifiers.add(m);
    } while (c.acceptSymbol(","));
    c.expectSymbol(")");
    return modifiers;
  }
}
