package io.migrationsafety.alembic.internal.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The values of Python string tokens: escapes decoded, f-strings split into text and fields. */
final class PyStrings {

  private PyStrings() {}

  /** The prefix of a string token, lower-cased ({@code rb}, {@code f}, or empty). */
  static String prefix(String token) {
    int q = 0;
    while (token.charAt(q) != '\'' && token.charAt(q) != '"') {
      q++;
    }
    return token.substring(0, q).toLowerCase(Locale.ROOT);
  }

  /** Where the body of a string token starts, and its length. */
  static int[] body(String token) {
    int q = prefix(token).length();
    char quote = token.charAt(q);
    int width = token.startsWith(String.valueOf(quote).repeat(3), q) && token.length() >= q + 6 ? 3 : 1;
    return new int[] {q + width, token.length() - width - (q + width)};
  }

  /** Decodes the escapes of a (non-raw) string body. */
  static String unescape(String s, boolean bytes) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        out.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case '\n' -> { }
        case '\r' -> {
          if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
            i++;
          }
        }
        case '\\', '\'', '"' -> out.append(e);
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'v' -> out.append('\u000B');
        case 'x' -> i = hex(s, i, 2, out);
        case 'u' -> i = bytes ? keep(out, e, i) : hex(s, i, 4, out);
        case 'U' -> i = bytes ? keep(out, e, i) : hex(s, i, 8, out);
        case 'N' -> i = bytes ? keep(out, e, i) : named(s, i, out);
        default -> {
          if (e >= '0' && e <= '7') {
            int end = i;
            while (end < s.length() && end < i + 3 && s.charAt(end) >= '0' && s.charAt(end) <= '7') {
              end++;
            }
            out.appendCodePoint(Integer.parseInt(s.substring(i, end), 8));
            i = end - 1;
          } else {
            out.append('\\').append(e);
          }
        }
      }
    }
    return out.toString();
  }

  private static int keep(StringBuilder out, char e, int i) {
    out.append('\\').append(e);
    return i;
  }

  private static int hex(String s, int i, int digits, StringBuilder out) {
    int end = Math.min(s.length(), i + 1 + digits);
    try {
      out.appendCodePoint(Integer.parseInt(s.substring(i + 1, end), 16));
      return end - 1;
    } catch (IllegalArgumentException e) {
      out.append('\\').append(s.charAt(i));
      return i;
    }
  }

  private static int named(String s, int i, StringBuilder out) {
    int close = s.indexOf('}', i);
    if (i + 1 < s.length() && s.charAt(i + 1) == '{' && close > 0) {
      try {
        out.appendCodePoint(Character.codePointOf(s.substring(i + 2, close)));
        return close;
      } catch (IllegalArgumentException e) {
        // an unknown name: keep the text as written
      }
    }
    out.append("\\N");
    return i;
  }

  /**
   * Splits an f-string body into text and replacement fields.
   *
   * @param line the line the body starts on, for the fields' expressions
   */
  static Expr.FString fstring(String body, boolean raw, String file, int line, int column) {
    List<Object> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    int currentLine = line;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == '{' && i + 1 < body.length() && body.charAt(i + 1) == '{') {
        text.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < body.length() && body.charAt(i + 1) == '}') {
        text.append('}');
        i += 2;
      } else if (c == '{') {
        if (text.length() > 0) {
          parts.add(raw ? text.toString() : unescape(text.toString(), false));
          text.setLength(0);
        }
        int end = fieldEnd(body, i + 1);
        if (end < 0) {
          throw new PySyntaxException(file, currentLine, column, "an f-string's '{' is not closed");
        }
        parts.add(field(body.substring(i + 1, end), raw, file, currentLine, column));
        currentLine += count(body, i, end);
        i = end + 1;
      } else {
        if (c == '\n') {
          currentLine++;
        }
        text.append(c);
        i++;
      }
    }
    if (text.length() > 0) {
      parts.add(raw ? text.toString() : unescape(text.toString(), false));
    }
    return new Expr.FString(parts, line);
  }

  private static int count(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  /** The field {@code expr[=][!c][:spec]}. */
  private static Expr.Field field(String inside, boolean raw, String file, int line, int column) {
    int specAt = topLevel(inside, ':');
    String head = specAt < 0 ? inside : inside.substring(0, specAt);
    Expr.FString spec = specAt < 0 ? null : fstring(inside.substring(specAt + 1), raw, file, line, column);
    char conversion = 0;
    int bang = topLevel(head, '!');
    if (bang >= 0 && bang + 1 < head.length() && head.charAt(bang + 1) != '=') {
      conversion = head.charAt(bang + 1);
      head = head.substring(0, bang);
    }
    String expression = head.strip();
    if (expression.endsWith("=") && !expression.endsWith("==") && !expression.endsWith("!=")
        && !expression.endsWith("<=") && !expression.endsWith(">=")) {
      expression = expression.substring(0, expression.length() - 1); // the f"{x=}" self-documenting form
    }
    return new Expr.Field(PyParser.parseExpression(expression, file, line), conversion, spec);
  }

  /** Where a field that starts at {@code from} ends (its closing brace), skipping nested strings and brackets. */
  private static int fieldEnd(String s, int from) {
    int depth = 0;
    int i = from;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\'' || c == '"') {
        i = skipString(s, i);
        continue;
      }
      if (c == '{' || c == '[' || c == '(') {
        depth++;
      } else if (c == ']' || c == ')') {
        depth--;
      } else if (c == '}') {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
      i++;
    }
    return -1;
  }

  private static int skipString(String s, int quoteAt) {
    char q = s.charAt(quoteAt);
    String close = s.startsWith(String.valueOf(q).repeat(3), quoteAt) ? String.valueOf(q).repeat(3) : String.valueOf(q);
    int i = quoteAt + close.length();
    while (i < s.length()) {
      if (s.charAt(i) == '\\') {
        i += 2;
      } else if (s.startsWith(close, i)) {
        return i + close.length();
      } else {
        i++;
      }
    }
    return s.length();
  }

  /** The first {@code c} outside brackets and strings, or -1. */
  private static int topLevel(String s, char c) {
    int depth = 0;
    int i = 0;
    while (i < s.length()) {
      char ch = s.charAt(i);
      if (ch == '\'' || ch == '"') {
        i = skipString(s, i);
        continue;
      }
      if (ch == '(' || ch == '[' || ch == '{') {
        depth++;
      } else if (ch == ')' || ch == ']' || ch == '}') {
        depth--;
      } else if (ch == c && depth == 0) {
        return i;
      }
      i++;
    }
    return -1;
  }
}
