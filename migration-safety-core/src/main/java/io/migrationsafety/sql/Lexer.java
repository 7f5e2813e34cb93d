package io.migrationsafety.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's lexical grammar (src/backend/parser/scan.l) as psql reads a script
 * (src/fe_utils/psqlscan.l): where quotes, comments and dollar quotes begin and end, so that a
 * semicolon is only a statement end where PostgreSQL says it is. Whitespace is skipped; everything
 * else becomes a {@link Token}. Unterminated quotes and comments, and NUL bytes, are errors that
 * name the file, line and column.
 *
 * <p>Strings are read with {@code standard_conforming_strings} on (the default since PostgreSQL
 * 9.1): a backslash is an ordinary character except in {@code E'…'} strings.
 *
 * <p>Runs in one pass, linear in the input: each character is looked at a bounded number of times.
 */
public final class Lexer {

  private final String source;
  private final String file;
  private final int length;
  private int pos;
  private int line = 1;
  private int lineStart;
  private boolean copyDataPending;

  public Lexer(String source, String file) {
    this.source = source;
    this.file = file;
    this.length = source.length();
  }

  /** All tokens of {@code source}, comments included, in order. */
  public static List<Token> tokenize(String source, String file) {
    Lexer lexer = new Lexer(source, file);
    List<Token> tokens = new ArrayList<>();
    for (Token t = lexer.next(); t != null; t = lexer.next()) {
      tokens.add(t);
    }
    return tokens;
  }

  /**
   * Announces that the statement just ended was {@code COPY … FROM STDIN}: the lines after the
   * current one, up to a line holding only {@code \.}, are its data and become one
   * {@link TokenType#COPY_DATA} token.
   */
  void expectCopyData() {
    copyDataPending = true;
  }

  /** The next token, or {@code null} at the end of the input. */
  public Token next() {
    skipWhitespace();
    if (copyDataPending && atLineStart()) {
      copyDataPending = false;
      if (pos < length) {
        return copyData();
      }
    }
    if (pos >= length) {
      return null;
    }
    int start = pos;
    int startLine = line;
    int startColumn = pos - lineStart + 1;
    char c = source.charAt(pos);
    TokenType type;
    switch (c) {
      case '-' -> type = peek(1) == '-' ? lineComment() : operator();
      case '/' -> type = peek(1) == '*' ? blockComment(startLine, startColumn) : operator();
      case '\'' -> type = quoted('\'', false, TokenType.STRING, "string constant", startLine, startColumn);
      case '"' -> type = quoted('"', false, TokenType.QUOTED_IDENTIFIER, "quoted identifier", startLine, startColumn);
      case '$' -> type = dollar(startLine, startColumn);
      case '(' -> type = single(TokenType.LEFT_PAREN);
      case ')' -> type = single(TokenType.RIGHT_PAREN);
      case '[' -> type = single(TokenType.LEFT_BRACKET);
      case ']' -> type = single(TokenType.RIGHT_BRACKET);
      case ',' -> type = single(TokenType.COMMA);
      case ';' -> type = single(TokenType.SEMICOLON);
      case ':' -> type = colon();
      case '.' -> type = isDigit(peek(1)) ? number() : dot();
      case '\\' -> type = metaCommand();
      case '\0' -> throw error(startLine, startColumn,
          "NUL byte in the script: this looks like a binary file, not SQL");
      default -> type = other(c, startLine, startColumn);
    }
    return new Token(type, source.substring(start, pos), start, startLine, startColumn);
  }

  private TokenType other(char c, int startLine, int startColumn) {
    if (isDigit(c)) {
      return number();
    }
    if ((c == 'E' || c == 'e') && peek(1) == '\'') {
      pos++;
      return quoted('\'', true, TokenType.STRING, "string constant", startLine, startColumn);
    }
    if ((c == 'B' || c == 'b' || c == 'X' || c == 'x' || c == 'N' || c == 'n') && peek(1) == '\'') {
      pos++;
      return quoted('\'', false, TokenType.STRING, "string constant", startLine, startColumn);
    }
    if ((c == 'U' || c == 'u') && peek(1) == '&' && (peek(2) == '\'' || peek(2) == '"')) {
      pos += 2;
      return peek(0) == '\''
          ? quoted('\'', false, TokenType.STRING, "Unicode string constant", startLine, startColumn)
          : quoted('"', false, TokenType.QUOTED_IDENTIFIER, "Unicode quoted identifier", startLine, startColumn);
    }
    if (isIdentStart(c)) {
      pos++;
      while (pos < length && isIdentCont(source.charAt(pos))) {
        pos++;
      }
      return TokenType.IDENTIFIER;
    }
    if (isOperatorChar(c)) {
      return operator();
    }
    // PostgreSQL hands any other character to its parser as itself, which rejects it there.
    pos += Character.charCount(source.codePointAt(pos));
    return TokenType.OPERATOR;
  }

  private void skipWhitespace() {
    while (pos < length) {
      char c = source.charAt(pos);
      if (c == '\n') {
        pos++;
        newLine();
        if (copyDataPending) {
          return;
        }
      } else if (c == '\r') {
        pos++;
        if (peek(0) != '\n') {
          newLine();
          if (copyDataPending) {
            return;
          }
        }
      } else if (c == ' ' || c == '\t' || c == '\f' || c == 0x0B) {
        pos++;
      } else {
        return;
      }
    }
  }

  private boolean atLineStart() {
    return pos == lineStart;
  }

  private void newLine() {
    line++;
    lineStart = pos;
  }

  private char peek(int ahead) {
    int i = pos + ahead;
    return i < length ? source.charAt(i) : '\0';
  }

  private TokenType single(TokenType type) {
    pos++;
    return type;
  }

  private TokenType colon() {
    if (peek(1) == ':') {
      pos += 2;
      return TokenType.DOUBLE_COLON;
    }
    if (peek(1) == '=') {
      pos += 2;
      return TokenType.OPERATOR;
    }
    pos++;
    return TokenType.COLON;
  }

  private TokenType dot() {
    if (peek(1) == '.') {
      pos += 2;
      return TokenType.OPERATOR;
    }
    pos++;
    return TokenType.DOT;
  }

  private TokenType lineComment() {
    while (pos < length && source.charAt(pos) != '\n' && source.charAt(pos) != '\r') {
      pos++;
    }
    return TokenType.LINE_COMMENT;
  }

  /** Block comments nest in PostgreSQL, unlike the SQL standard. */
  private TokenType blockComment(int startLine, int startColumn) {
    int depth = 0;
    while (pos < length) {
      char c = source.charAt(pos);
      if (c == '/' && peek(1) == '*') {
        depth++;
        pos += 2;
      } else if (c == '*' && peek(1) == '/') {
        depth--;
        pos += 2;
        if (depth == 0) {
          return TokenType.BLOCK_COMMENT;
        }
      } else {
        advanceOne(c);
      }
    }
    throw error(startLine, startColumn, "unterminated /* comment (block comments nest in PostgreSQL: every /* needs its */)");
  }

  private TokenType quoted(char quote, boolean backslashEscapes, TokenType type, String what,
      int startLine, int startColumn) {
    pos++; // the opening quote
    while (pos < length) {
      char c = source.charAt(pos);
      if (c == quote) {
        if (peek(1) == quote) {
          pos += 2;
          continue;
        }
        pos++;
        return type;
      }
      if (backslashEscapes && c == '\\' && pos + 1 < length) {
        pos++;
        advanceOne(source.charAt(pos));
        continue;
      }
      if (c == '\0') {
        throw error(line, pos - lineStart + 1, "NUL byte inside a " + what + ": this looks like a binary file, not SQL");
      }
      advanceOne(c);
    }
    throw error(startLine, startColumn, "unterminated " + what + " (missing closing " + quote + ")");
  }

  /** {@code $1} parameter, {@code $tag$ … $tag$} string, or a lone {@code $}. */
  private TokenType dollar(int startLine, int startColumn) {
    if (isDigit(peek(1))) {
      pos++;
      while (pos < length && isDigit(source.charAt(pos))) {
        pos++;
      }
      return TokenType.PARAMETER;
    }
    int tagEnd = pos + 1;
    if (tagEnd < length && isDollarTagStart(source.charAt(tagEnd))) {
      tagEnd++;
      while (tagEnd < length && isDollarTagCont(source.charAt(tagEnd))) {
        tagEnd++;
      }
    }
    if (tagEnd >= length || source.charAt(tagEnd) != '$') {
      // scan.l's dolqfailed: only the "$" is a token; the rest is read again.
      pos++;
      return TokenType.OPERATOR;
    }
    String delimiter = source.substring(pos, tagEnd + 1);
    int close = source.indexOf(delimiter, tagEnd + 1);
    if (close < 0) {
      throw error(startLine, startColumn, "unterminated dollar-quoted string (missing closing " + delimiter + ")");
    }
    int end = close + delimiter.length();
    int nul = indexOfNul(pos, end);
    if (nul >= 0) {
      advanceTo(nul);
      throw error(line, pos - lineStart + 1, "NUL byte inside a dollar-quoted string: this looks like a binary file, not SQL");
    }
    advanceTo(end);
    return TokenType.DOLLAR_STRING;
  }

  private TokenType number() {
    if (source.charAt(pos) == '0' && (peek(1) == 'x' || peek(1) == 'X' || peek(1) == 'o'
        || peek(1) == 'O' || peek(1) == 'b' || peek(1) == 'B') && isHexDigit(peek(2))) {
      pos += 2;
      while (pos < length && (isHexDigit(source.charAt(pos)) || source.charAt(pos) == '_')) {
        pos++;
      }
      return TokenType.NUMBER;
    }
    digits();
    if (peek(0) == '.' && peek(1) != '.') {
      pos++;
      digits();
    }
    if ((peek(0) == 'e' || peek(0) == 'E')
        && (isDigit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && isDigit(peek(2))))) {
      pos += 2;
      digits();
    }
    return TokenType.NUMBER;
  }

  private void digits() {
    while (pos < length && (isDigit(source.charAt(pos))
        || (source.charAt(pos) == '_' && isDigit(peek(1)) && pos > 0 && isDigit(source.charAt(pos - 1))))) {
      pos++;
    }
  }

  /**
   * An operator, cut short before a comment start, and without a trailing {@code +} or {@code -}
   * unless it holds a character that only operators of user types use (scan.l's rule).
   */
  private TokenType operator() {
    int start = pos;
    int end = pos;
    while (end < length && isOperatorChar(source.charAt(end))) {
      if (end > start && ((source.charAt(end) == '-' && end + 1 < length && source.charAt(end + 1) == '-')
          || (source.charAt(end) == '/' && end + 1 < length && source.charAt(end + 1) == '*'))) {
        break;
      }
      end++;
    }
    if (end - start > 1) {
      boolean userOperator = false;
      for (int i = start; i < end; i++) {
        if ("~!@#^&|`?%".indexOf(source.charAt(i)) >= 0) {
          userOperator = true;
          break;
        }
      }
      while (!userOperator && end - start > 1
          && (source.charAt(end - 1) == '+' || source.charAt(end - 1) == '-')) {
        end--;
      }
    }
    pos = end;
    return TokenType.OPERATOR;
  }

  /** psql reads a backslash outside quotes as a meta-command that runs to the end of the line. */
  private TokenType metaCommand() {
    while (pos < length && source.charAt(pos) != '\n' && source.charAt(pos) != '\r') {
      pos++;
    }
    return TokenType.PSQL_META_COMMAND;
  }

  /**
   * COPY data: every line up to and including one that holds only {@code \.}, or to the end of the
   * input, as psql reads it.
   */
  private Token copyData() {
    int start = pos;
    int startLine = line;
    while (pos < length) {
      int eol = pos;
      while (eol < length && source.charAt(eol) != '\n' && source.charAt(eol) != '\r') {
        eol++;
      }
      boolean terminator = eol - pos == 2 && source.charAt(pos) == '\\' && source.charAt(pos + 1) == '.';
      int nul = indexOfNul(pos, eol);
      if (nul >= 0) {
        pos = nul;
        throw error(line, pos - lineStart + 1, "NUL byte in COPY data: this looks like a binary file, not SQL");
      }
      pos = eol;
      if (terminator) {
        break;
      }
      if (pos < length) {
        skipOneLineBreak();
      }
    }
    return new Token(TokenType.COPY_DATA, source.substring(start, pos), start, startLine, 1);
  }

  /** The first NUL in [from, to), or -1: bounded, so that the lexer stays linear. */
  private int indexOfNul(int from, int to) {
    for (int i = from; i < to; i++) {
      if (source.charAt(i) == '\0') {
        return i;
      }
    }
    return -1;
  }

  private void skipOneLineBreak() {
    if (source.charAt(pos) == '\r') {
      pos++;
      if (peek(0) == '\n') {
        pos++;
      }
    } else {
      pos++;
    }
    newLine();
  }

  private void advanceOne(char c) {
    pos++;
    if (c == '\n' || (c == '\r' && peek(0) != '\n')) {
      newLine();
    }
  }

  private void advanceTo(int target) {
    while (pos < target) {
      advanceOne(source.charAt(pos));
    }
  }

  private SqlSyntaxException error(int atLine, int atColumn, String problem) {
    return new SqlSyntaxException(file, atLine, atColumn, problem);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexDigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  }

  static boolean isIdentCont(char c) {
    return isIdentStart(c) || isDigit(c) || c == '$';
  }

  private static boolean isDollarTagStart(char c) {
    return isIdentStart(c);
  }

  private static boolean isDollarTagCont(char c) {
    return isIdentStart(c) || isDigit(c);
  }

  private static boolean isOperatorChar(char c) {
    return "~!@#^&|`?+-*/%<>=".indexOf(c) >= 0;
  }
}
