package io.migrationsafety.schema.replay;

import io.migrationsafety.operation.IndexElement;
import io.migrationsafety.sql.Token;
import io.migrationsafety.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The column names PostgreSQL uses to build an index's generated name ({@code ChooseIndexColumnNames}
 * and {@code FigureIndexColname}): a column key is its name; an expression key is named after what
 * it computes when PostgreSQL can tell (a function call {@code lower(email)} is {@code lower}, a
 * cast {@code 'x'::text} is {@code text}, {@code CASE} is {@code case}), otherwise {@code expr}.
 * A name already used by an earlier key gets a number ({@code a}, {@code a1}).
 */
final class IndexColumnNames {

  /** How key words PostgreSQL turns into another type name read back in a cast. */
  private static final Map<String, String> TYPE_NAMES = Map.ofEntries(
      Map.entry("integer", "int4"), Map.entry("int", "int4"), Map.entry("bigint", "int8"),
      Map.entry("smallint", "int2"), Map.entry("boolean", "bool"), Map.entry("real", "float4"),
      Map.entry("float", "float8"), Map.entry("decimal", "numeric"), Map.entry("dec", "numeric"),
      Map.entry("varchar", "varchar"), Map.entry("char", "bpchar"), Map.entry("character", "bpchar"));

  /** Key words that join operands: an expression using them at its top is only {@code expr}. */
  private static final Set<String> OPERATOR_WORDS = Set.of(
      "and", "or", "not", "is", "in", "like", "ilike", "similar", "between", "isnull", "notnull", "at",
      "overlaps", "collate");

  private IndexColumnNames() {}

  /** The names of the keys, then of the {@code INCLUDE} columns, made distinct. */
  static List<String> of(List<IndexElement> elements, List<String> include) {
    List<String> names = new ArrayList<>();
    for (IndexElement e : elements) {
      names.add(e.isExpression() ? figure(e.expression().sql()) : e.column());
    }
    names.addAll(include);
    return distinct(names);
  }

  private static List<String> distinct(List<String> names) {
    List<String> result = new ArrayList<>();
    for (String original : names) {
      String current = original;
      for (int i = 1; result.contains(current); i++) {
        String suffix = Integer.toString(i);
        current = PostgresNames.clip(original, PostgresNames.MAX_BYTES - suffix.length()) + suffix;
      }
      result.add(current);
    }
    return result;
  }

  /** What PostgreSQL calls the column an expression key computes. */
  static String figure(String sql) {
    List<Token> tokens = SqlText.tokens(sql);
    String name = figure(tokens, 0, tokens.size() - 1, sql);
    return name == null ? "expr" : name;
  }

  /** The name of tokens {@code from..to}, or {@code null} when PostgreSQL would find none. */
  private static String figure(List<Token> tokens, int from, int to, String sql) {
    if (from > to) {
      return null;
    }
    while (tokens.get(from).type() == TokenType.LEFT_PAREN && SqlText.closing(tokens, from) == to) {
      from++;
      to--;
      if (from > to) {
        return null;
      }
    }
    if (tokens.get(from).is("case") && tokens.get(to).is("end")) {
      return "case";
    }
    int lastCast = -1;
    for (int i = from; i <= to; i++) {
      Token t = tokens.get(i);
      if (t.type() == TokenType.LEFT_PAREN || t.type() == TokenType.LEFT_BRACKET) {
        i = SqlText.closing(tokens, i);
        if (i < 0) {
          return null;
        }
      } else if (t.type() == TokenType.OPERATOR
          || (t.type() == TokenType.IDENTIFIER && OPERATOR_WORDS.contains(t.identifier()))) {
        return null;
      } else if (t.type() == TokenType.DOUBLE_COLON) {
        lastCast = i;
      }
    }
    if (lastCast > from) {
      String inner = figure(tokens, from, lastCast - 1, sql);
      // A column or function name beats the type name (strength 2 against 1 in PostgreSQL).
      if (inner != null && strong(tokens, from, lastCast - 1)) {
        return inner;
      }
      return typeName(tokens, lastCast + 1, to);
    }
    Token first = tokens.get(from);
    if (first.type() == TokenType.IDENTIFIER && first.identifier().equals("array")) {
      return "array";
    }
    // name, a.b.c, f(...), s.f(...), a[1]: the last name before any parenthesis or subscript.
    String last = null;
    int i = from;
    while (i <= to && tokens.get(i).isName()) {
      last = tokens.get(i).identifier();
      if (i + 1 <= to && tokens.get(i + 1).type() == TokenType.DOT) {
        i += 2;
      } else {
        i++;
        break;
      }
    }
    if (last == null) {
      return null;
    }
    if (i > to) {
      return last;
    }
    Token next = tokens.get(i);
    if ((next.type() == TokenType.LEFT_PAREN || next.type() == TokenType.LEFT_BRACKET)
        && SqlText.closing(tokens, i) == to) {
      return last;
    }
    return null;
  }

  private static boolean strong(List<Token> tokens, int from, int to) {
    while (from < to && tokens.get(from).type() == TokenType.LEFT_PAREN && SqlText.closing(tokens, from) == to) {
      from++;
      to--;
    }
    return tokens.get(from).isName() && !tokens.get(from).identifier().equals("case");
  }

  private static String typeName(List<Token> tokens, int from, int to) {
    StringBuilder words = new StringBuilder();
    for (int i = from; i <= to; i++) {
      Token t = tokens.get(i);
      if (!t.isName()) {
        break;
      }
      if (i + 1 <= to && tokens.get(i + 1).type() == TokenType.DOT) {
        words.setLength(0);
        i++;
        continue;
      }
      words.append(words.length() == 0 ? "" : " ").append(t.identifier());
    }
    String type = words.toString();
    if (type.isEmpty()) {
      return null;
    }
    if (type.startsWith("character varying") || type.startsWith("char varying")) {
      return "varchar";
    }
    if (type.startsWith("double precision")) {
      return "float8";
    }
    if (type.startsWith("timestamp")) {
      return type.contains("with time zone") && !type.contains("without") ? "timestamptz" : "timestamp";
    }
    if (type.startsWith("time ")) {
      return type.contains("with time zone") && !type.contains("without") ? "timetz" : "time";
    }
    if (type.startsWith("bit varying")) {
      return "varbit";
    }
    String single = type.split(" ")[0].toLowerCase(Locale.ROOT);
    return TYPE_NAMES.getOrDefault(single, single);
  }
}
