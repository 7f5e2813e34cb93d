package io.migrationsafety.drift;

import java.util.regex.Pattern;

/**
 * Expression text reduced to what survives PostgreSQL printing it back: the server stores an
 * expression as a tree and prints it with the casts it inferred ({@code 'new'::order_status}),
 * parentheses of its own, and {@code IN (…)} as {@code = ANY (ARRAY[…])}; replay keeps the text as
 * the migration wrote it. Both reduce to the same string.
 */
public final class ExpressionText {

  // ::type, with multi-word names, a quoted or qualified name, modifiers and array brackets.
  private static final Pattern CAST = Pattern.compile(
      "::\\s*(?:\"[^\"]+\"|[a-z_][a-z0-9_$]*)(?:\\.(?:\"[^\"]+\"|[a-z_][a-z0-9_$]*))?"
          + "(?:\\s+(?:varying|precision|with(?:out)?\\s+time\\s+zone))?(?:\\s*\\([0-9,\\s]+\\))?(?:\\[\\])*");
  private static final Pattern ANY_ARRAY = Pattern.compile("=\\s*any\\s*\\(\\s*array\\s*\\[([^\\]]*)\\]\\s*\\)");

  private ExpressionText() {}

  /** {@code sql} without casts, parentheses, blanks and letter case outside string literals. */
  public static String normalized(String sql) {
    if (sql == null) {
      return null;
    }
    String text = lowerOutsideLiterals(sql);
    text = CAST.matcher(text).replaceAll("");
    text = ANY_ARRAY.matcher(text).replaceAll(" in ($1)");
    StringBuilder out = new StringBuilder(text.length());
    boolean literal = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '\'') {
        literal = !literal;
      }
      if (literal || ch == '\'' || (ch != '(' && ch != ')' && !Character.isWhitespace(ch))) {
        out.append(ch);
      }
    }
    return out.toString();
  }

  private static String lowerOutsideLiterals(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    boolean literal = false;
    for (int i = 0; i < sql.length(); i++) {
      char ch = sql.charAt(i);
      if (ch == '\'') {
        literal = !literal;
      }
      out.append(literal ? ch : Character.toLowerCase(ch));
    }
    return out.toString();
  }
}
