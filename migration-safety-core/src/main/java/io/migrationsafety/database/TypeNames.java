package io.migrationsafety.database;

import io.migrationsafety.operation.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@code format_type(atttypid, atttypmod)} into a {@link DataType} with the parser's canonical
 * names. {@code format_type} already spells the built-in types the SQL-standard way the parser
 * resolves aliases to ({@code integer}, {@code character varying(20)}, {@code timestamp(3) with
 * time zone}, {@code interval day to second(3)}); what is left is to take the modifiers out of the
 * name and to count array dimensions.
 */
final class TypeNames {

  private TypeNames() {}

  /**
   * The type {@code formatted} by {@code format_type}.
   *
   * @param declaredDimensions {@code pg_attribute.attndims}: the dimensions as declared, which
   *     {@code format_type} does not show ({@code int[][]} prints as {@code integer[]})
   */
  static DataType of(String formatted, int declaredDimensions) {
    String text = formatted;
    int dimensions = 0;
    while (text.endsWith("[]")) {
      text = text.substring(0, text.length() - 2);
      dimensions++;
    }
    if (dimensions > 0 && declaredDimensions > dimensions) {
      dimensions = declaredDimensions;
    }
    List<String> modifiers = new ArrayList<>();
    String name = text;
    int open = openingParenthesis(text);
    if (open >= 0) {
      int close = text.indexOf(')', open);
      for (String modifier : text.substring(open + 1, close).split(",")) {
        modifiers.add(modifier.trim());
      }
      // "timestamp(3) with time zone" → "timestamp with time zone"
      name = (text.substring(0, open) + text.substring(close + 1)).trim();
    }
    if (name.equals("bpchar")) {
      // character without a length, as format_type prints it for typmod -1
      name = "character";
    }
    return new DataType(name, modifiers, dimensions, formatted);
  }

  /** The '(' that opens the modifiers, skipping quoted identifiers such as {@code "my(type)"}. */
  private static int openingParenthesis(String text) {
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == '(' && !quoted) {
        return i;
      }
    }
    return -1;
  }
}
