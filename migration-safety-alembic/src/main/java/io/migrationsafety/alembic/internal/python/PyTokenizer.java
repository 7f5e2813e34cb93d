package io.migrationsafety.alembic.internal.python;

import io.migrationsafety.alembic.internal.python.PyToken.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits Python source into tokens as CPython's tokenizer does: indentation as INDENT/DEDENT,
 * logical lines ended by NEWLINE (not inside brackets, not after a backslash continuation), every
 * string form (prefixes r/b/u/f in any case and combination, single and triple quotes, f-strings
 * whose replacement fields hold further strings with the same quotes, as Python 3.12 allows), and
 * comments, which are kept aside.
 */
public final class PyTokenizer {

  private static final String[] OPERATORS = {
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>", "<=", ">=", "==", "!=",
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";",
    "@", "=", "+", "-", "*", "/", "%", "&", "|", "^", "~", "<", ">", "!"};

  private final String src;
  private final String file;
  private final List<PyToken> tokens = new ArrayList<>();
  private final List<PyComment> comments = new ArrayList<>();
  private final Deque<Integer> indents = new ArrayDeque<>();
  private int pos;
  private int line = 1;
  private int lineStart;
  private int depth;

  private PyTokenizer(String src, String file) {
    this.src = src.startsWith("\uFEFF") ? src.substring(1) : src;
    this.file = file;
    indents.push(0);
  }

  /** The tokens and comments of {@code source}; {@code file} names it in errors. */
  public static Result tokenize(String source, String file) {
    PyTokenizer t = new PyTokenizer(source, file);
    t.run();
    return new Result(List.copyOf(t.tokens), List.copyOf(t.comments));
  }

  /**
   * What tokenizing gave.
   *
   * @param tokens the tokens, ending with {@link Kind#END}
   * @param comments the comments, in order
   */
  public record Result(List<PyToken> tokens, List<PyComment> comments) {}

  private void run() {
    boolean atLineStart = true;
    while (pos < src.length()) {
      if (atLineStart && depth == 0) {
        if (!indentation()) {
          continue; // a blank or comment-only line
        }
        atLineStart = false;
      }
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\f') {
        pos++;
      } else if (c == '#') {
        comment();
      } else if (c == '\\' && isNewlineAt(pos + 1)) {
        pos++;
        newline();
      } else if (c == '\r' || c == '\n') {
        if (depth == 0) {
          add(Kind.NEWLINE, "\n", pos);
          atLineStart = true;
        }
        newline();
      } else if (isIdentifierStart(c)) {
        nameOrString();
      } else if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
        number();
      } else if (c == '"' || c == '\'') {
        string(pos, pos);
      } else {
        operator();
      }
    }
    if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() != Kind.NEWLINE
        && tokens.get(tokens.size() - 1).kind() != Kind.DEDENT) {
      add(Kind.NEWLINE, "", pos);
    }
    if (depth > 0) {
      throw error(pos, "the file ends inside brackets: a '(', '[' or '{' is not closed");
    }
    while (indents.peek() > 0) {
      indents.pop();
      add(Kind.DEDENT, "", pos);
    }
    add(Kind.END, "", pos);
  }

  /** Reads a line's indentation; false when the line is blank or only a comment. */
  private boolean indentation() {
    int width = 0;
    int p = pos;
    while (p < src.length()) {
      char c = src.charAt(p);
      if (c == ' ') {
        width++;
      } else if (c == '\t') {
        width = (width / 8 + 1) * 8;
      } else if (c == '\f') {
        width = 0;
      } else {
        break;
      }
      p++;
    }
    if (p >= src.length()) {
      pos = p;
      return false;
    }
    char c = src.charAt(p);
    if (c == '#' || c == '\r' || c == '\n' || (c == '\\' && isNewlineAt(p + 1))) {
      pos = p;
      if (c == '#') {
        comment();
      }
      if (pos < src.length() && src.charAt(pos) == '\\') {
        pos++;
      }
      if (pos < src.length()) {
        newline();
      }
      return false;
    }
    pos = p;
    if (width > indents.peek()) {
      indents.push(width);
      add(Kind.INDENT, "", pos);
    } else {
      while (width < indents.peek()) {
        indents.pop();
        add(Kind.DEDENT, "", pos);
      }
      if (width != indents.peek()) {
        throw error(pos, "this line's indentation matches no outer block");
      }
    }
    return true;
  }

  private void comment() {
    int start = pos;
    while (pos < src.length() && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
      pos++;
    }
    comments.add(new PyComment(line, src.substring(start + 1, pos)));
  }

  private void nameOrString() {
    int start = pos;
    while (pos < src.length() && isIdentifierPart(src.charAt(pos))) {
      pos++;
    }
    String word = src.substring(start, pos);
    if (pos < src.length() && (src.charAt(pos) == '"' || src.charAt(pos) == '\'') && isStringPrefix(word)) {
      string(start, pos);
      return;
    }
    add(Kind.NAME, word, start);
  }

  static boolean isStringPrefix(String word) {
    String w = word.toLowerCase(java.util.Locale.ROOT);
    return switch (w) {
      case "r", "u", "b", "f", "br", "rb", "fr", "rf" -> true;
      default -> false;
    };
  }

  private void number() {
    int start = pos;
    if (src.charAt(pos) == '0' && pos + 1 < src.length() && "xXoObB".indexOf(src.charAt(pos + 1)) >= 0) {
      pos += 2;
      while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
        pos++;
      }
    } else {
      digits();
      if (pos < src.length() && src.charAt(pos) == '.') {
        pos++;
        digits();
      }
      if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
        int save = pos;
        pos++;
        if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
          pos++;
        }
        if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
          digits();
        } else {
          pos = save;
        }
      }
      if (pos < src.length() && (src.charAt(pos) == 'j' || src.charAt(pos) == 'J')) {
        pos++;
      }
    }
    add(Kind.NUMBER, src.substring(start, pos), start);
  }

  private void digits() {
    while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
      pos++;
    }
  }

  /** A string literal whose prefix starts at {@code start} and whose quote is at {@code quoteAt}. */
  private void string(int start, int quoteAt) {
    int startLine = line;
    int startColumn = start - lineStart + 1;
    String prefix = src.substring(start, quoteAt).toLowerCase(java.util.Locale.ROOT);
    pos = scanString(quoteAt, prefix.contains("r"), prefix.contains("f"));
    tokens.add(new PyToken(Kind.STRING, src.substring(start, pos), startLine, startColumn));
  }

  /**
   * Scans the string whose opening quote is at {@code quoteAt}; returns the offset after its
   * closing quote, keeping the line count.
   */
  private int scanString(int quoteAt, boolean raw, boolean formatted) {
    char quote = src.charAt(quoteAt);
    boolean triple = src.startsWith(String.valueOf(quote).repeat(3), quoteAt);
    int p = quoteAt + (triple ? 3 : 1);
    int fieldDepth = 0;
    while (true) {
      if (p >= src.length()) {
        throw error(quoteAt, "a string starting here is never closed");
      }
      char c = src.charAt(p);
      if (formatted && fieldDepth > 0) {
        if (c == '\'' || c == '"') {
          p = scanNestedString(p);
          continue;
        }
        if (c == '{' || c == '[' || c == '(') {
          fieldDepth++;
        } else if (c == '}' || c == ']' || c == ')') {
          fieldDepth--;
        } else if (c == '\n') {
          countNewline(p);
        }
        p++;
        continue;
      }
      if (c == '\\') {
        if (p + 1 < src.length() && src.charAt(p + 1) == '\n') {
          countNewline(p + 1);
        }
        p += 2;
        continue;
      }
      if (formatted && c == '{') {
        if (p + 1 < src.length() && src.charAt(p + 1) == '{') {
          p += 2;
          continue;
        }
        fieldDepth = 1;
        p++;
        continue;
      }
      if (c == quote && (!triple || src.startsWith(String.valueOf(quote).repeat(3), p))) {
        return p + (triple ? 3 : 1);
      }
      if (c == '\n' || c == '\r') {
        if (!triple) {
          throw error(quoteAt, "a string starting here is not closed on its line");
        }
        if (c == '\n' || p + 1 >= src.length() || src.charAt(p + 1) != '\n') {
          countNewline(p);
        }
      }
      p++;
    }
  }

  /** A string inside an f-string's replacement field, with its own prefix already passed. */
  private int scanNestedString(int quoteAt) {
    int q = quoteAt;
    while (q > 0 && Character.isLetter(src.charAt(q - 1))) {
      q--;
    }
    String prefix = src.substring(q, quoteAt).toLowerCase(java.util.Locale.ROOT);
    return scanString(quoteAt, prefix.contains("r"), prefix.contains("f"));
  }

  private void countNewline(int at) {
    line++;
    lineStart = at + 1;
  }

  private void operator() {
    for (String op : OPERATORS) {
      if (src.startsWith(op, pos)) {
        if (op.equals("(") || op.equals("[") || op.equals("{")) {
          depth++;
        } else if (op.equals(")") || op.equals("]") || op.equals("}")) {
          if (depth == 0) {
            throw error(pos, "'" + op + "' closes nothing");
          }
          depth--;
        }
        add(Kind.OP, op, pos);
        pos += op.length();
        return;
      }
    }
    throw error(pos, "unexpected character '" + src.charAt(pos) + "'");
  }

  private void newline() {
    if (src.charAt(pos) == '\r' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
      pos++;
    }
    pos++;
    line++;
    lineStart = pos;
  }

  private boolean isNewlineAt(int p) {
    return p < src.length() && (src.charAt(p) == '\n' || src.charAt(p) == '\r');
  }

  private void add(Kind kind, String text, int offset) {
    tokens.add(new PyToken(kind, text, line, Math.max(1, offset - lineStart + 1)));
  }

  private static boolean isIdentifierStart(char c) {
    return c == '_' || Character.isLetter(c) || (c > 127 && Character.isUnicodeIdentifierStart(c));
  }

  private static boolean isIdentifierPart(char c) {
    return c == '_' || Character.isLetterOrDigit(c) || (c > 127 && Character.isUnicodeIdentifierPart(c));
  }

  private PySyntaxException error(int offset, String problem) {
    int l = 1;
    int ls = 0;
    for (int i = 0; i < offset && i < src.length(); i++) {
      if (src.charAt(i) == '\n') {
        l++;
        ls = i + 1;
      }
    }
    return new PySyntaxException(file, l, offset - ls + 1, problem);
  }
}
