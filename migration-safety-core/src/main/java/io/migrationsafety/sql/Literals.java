package io.migrationsafety.sql;

/** Undoes the quoting of PostgreSQL string constants and quoted identifiers. */
final class Literals {

  private Literals() {}

  static String quotedIdentifierValue(String text) {
    if (text.length() >= 3 && (text.charAt(0) == 'U' || text.charAt(0) == 'u') && text.charAt(1) == '&') {
      return decodeUnicodeEscapes(text.substring(3, text.length() - 1).replace("\"\"", "\""));
    }
    return text.substring(1, text.length() - 1).replace("\"\"", "\"");
  }

  /**
   * The value of a string constant token. A constant continued on other lines ({@code 'a'} newline
   * {@code 'b'}) is one token; its parts are joined before escapes are undone, as scan.l does.
   */
  static String stringValue(String text) {
    char first = text.charAt(0);
    if (first == '$') {
      int tagEnd = text.indexOf('$', 1);
      return text.substring(tagEnd + 1, text.length() - (tagEnd + 1));
    }
    int quote = text.indexOf('\'');
    boolean backslashEscapes = quote == 1 && (first == 'E' || first == 'e');
    String body = joinedParts(text, quote, backslashEscapes);
    if (backslashEscapes) {
      return unescapeBackslashes(body);
    }
    if (quote == 2) { // U&'…'
      return decodeUnicodeEscapes(body.replace("''", "'"));
    }
    // '…', and B'…', X'…', N'…': a one-letter prefix before a standard string.
    return body.replace("''", "'");
  }

  /**
   * The text inside the quotes of every part of a string constant, joined, with doubled quotes
   * and backslash escapes still in place. Parts are separated by whitespace and {@code --}
   * comments.
   */
  private static String joinedParts(String text, int firstQuote, boolean backslashEscapes) {
    StringBuilder body = new StringBuilder(text.length());
    int i = firstQuote;
    while (i < text.length() && text.charAt(i) == '\'') {
      int start = ++i;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
          i += 2;
        } else if (c == '\'') {
          break;
        } else {
          i += backslashEscapes && c == '\\' ? 2 : 1;
        }
      }
      body.append(text, start, Math.min(i, text.length()));
      i++; // the closing quote
      while (i < text.length() && text.charAt(i) != '\'') {
        if (text.charAt(i) == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
          while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
          }
        } else {
          i++;
        }
      }
    }
    return body.toString();
  }

  private static String unescapeBackslashes(String body) {
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
        out.append('\'');
        i++;
      } else if (c == '\\' && i + 1 < body.length()) {
        char n = body.charAt(++i);
        switch (n) {
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'x' -> {
            int end = hexEnd(body, i + 1, 2);
            if (end > i + 1) {
              out.append((char) Integer.parseInt(body.substring(i + 1, end), 16));
              i = end - 1;
            } else {
              out.append('x');
            }
          }
          case 'u', 'U' -> {
            int digits = n == 'u' ? 4 : 8;
            int end = hexEnd(body, i + 1, digits);
            if (end == i + 1 + digits) {
              out.appendCodePoint(Integer.parseInt(body.substring(i + 1, end), 16));
              i = end - 1;
            } else {
              out.append(n);
            }
          }
          default -> {
            if (n >= '0' && n <= '7') {
              int end = i;
              while (end < body.length() && end < i + 3 && body.charAt(end) >= '0' && body.charAt(end) <= '7') {
                end++;
              }
              out.append((char) Integer.parseInt(body.substring(i, end), 8));
              i = end - 1;
            } else {
              out.append(n);
            }
          }
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int hexEnd(String s, int from, int max) {
    int end = from;
    while (end < s.length() && end < from + max && Character.digit(s.charAt(end), 16) >= 0) {
      end++;
    }
    return end;
  }

  /** Decodes {@code \XXXX} and {@code \+XXXXXX} escapes with the default escape character. */
  private static String decodeUnicodeEscapes(String body) {
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        char n = body.charAt(i + 1);
        if (n == '\\') {
          out.append('\\');
          i++;
          continue;
        }
        int digits = n == '+' ? 6 : 4;
        int from = n == '+' ? i + 2 : i + 1;
        int end = hexEnd(body, from, digits);
        if (end == from + digits) {
          out.appendCodePoint(Integer.parseInt(body.substring(from, end), 16));
          i = end - 1;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }
}
