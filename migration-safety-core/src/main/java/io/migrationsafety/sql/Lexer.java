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
 * 9.1): a backslash is an ordinary character except in {@code E'…'} strings. A string constant
 * continued on another line ({@code 'a'} newline {@code 'b'}) is one token, as in scan.l. Here the
 * server is followed, not psql: psql scans a script line by line without the line breaks, so it
 * never sees a continuation, and cuts {@code SELECT E'a'} newline {@code '\';'} at the quoted
 * semicolon, sending a statement the server rejects as unterminated.
 *
 * <p>Runs in one pass, linear in the input: each character is looked at a bounded number of times.
 *
 * <p>One class, longer than most, because scan.l's rules share one cursor and line count; psql's
 * meta-command rules, which do not, are in {@link PsqlMetaCommand}.
 */
public final class Lexer {

  private final String source;
  private final String file;
  private final int length;
  private int pos;
  private int line = 1;
  private int lineStart;
  private int copyDataPending;
  private boolean checkedForNul;

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
   * Announces that the statement just ended was {@code COPY … FROM STDIN} (or psql's
   * {@code \copy … from stdin}): the lines after the current one, up to a line holding only
   * {@code \.}, are its data and become one {@link TokenType#COPY_DATA} token. Announced twice on
   * one line, two data blocks follow, one after the other, as psql reads them.
   */
  void expectCopyData() {
    copyDataPending++;
  }

  /** The next token, or {@code null} at the end of the input. */
  public Token next() {
    if (!checkedForNul) {
      checkedForNul = true;
      rejectNul();
    }
    skipWhitespace();
    if (copyDataPending > 0 && atLineStart()) {
      copyDataPending--;
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
      case '\\' -> type = backslash();
      default -> type = other(c, startLine, startColumn);
    }
    return new Token(type, source.substring(start, pos), start, startLine, startColumn);
  }

  /**
   * A server never receives a NUL byte (the protocol ends strings with it), and no text file holds
   * one: the script is binary. Checked once, before the first token, in linear time.
   */
  private void rejectNul() {
    int nul = source.indexOf('\0');
    if (nul >= 0) {
      SourcePosition at = SourcePosition.START.advance(source.substring(0, nul));
      throw error(at.line(), at.column(), "NUL byte in the script: this looks like a binary file, not SQL");
    }
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
      identifierRest();
      return TokenType.IDENTIFIER;
    }
    if (isOperatorChar(c)) {
      return operator();
    }
    // PostgreSQL hands any other character to its parser as itself, which rejects it there.
    pos += Character.charCount(source.codePointAt(pos));
    return TokenType.OPERATOR;
  }

  private void identifierRest() {
    while (pos < length && isIdentCont(source.charAt(pos))) {
      pos++;
    }
  }

  private void skipWhitespace() {
    while (pos < length) {
      char c = source.charAt(pos);
      if (c == '\n') {
        pos++;
        newLine();
        if (copyDataPending > 0) {
          return;
        }
      } else if (c == '\r') {
        pos++;
        if (peek(0) != '\n') {
          newLine();
          if (copyDataPending > 0) {
            return;
          }
        }
      } else if (isHorizontalSpace(c)) {
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
    pos = lineEnd(pos);
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

  /**
   * A quoted identifier, or a string constant together with its continuations: in scan.l a string
   * closed and opened again after whitespace holding a line break ({@code 'a'} newline
   * {@code 'b'}) is one constant, and an {@code E'…'} string keeps its backslash escapes in the
   * parts that continue it.
   */
  private TokenType quoted(char quote, boolean backslashEscapes, TokenType type, String what,
      int startLine, int startColumn) {
    while (true) {
      pos++; // the opening quote
      if (!closeQuote(quote, backslashEscapes)) {
        throw error(startLine, startColumn, "unterminated " + what + " (missing closing " + quote + ")");
      }
      int next = quote == '\'' ? continuation(pos) : -1;
      if (next < 0) {
        return type;
      }
      advanceTo(next);
    }
  }

  /** Reads up to and past the closing quote; false when the input ends first. */
  private boolean closeQuote(char quote, boolean backslashEscapes) {
    while (pos < length) {
      char c = source.charAt(pos);
      if (c == quote) {
        if (peek(1) == quote) {
          pos += 2;
          continue;
        }
        pos++;
        return true;
      }
      if (backslashEscapes && c == '\\' && pos + 1 < length) {
        pos++;
        advanceOne(source.charAt(pos));
        continue;
      }
      advanceOne(c);
    }
    return false;
  }

  /**
   * Where a string constant continues after its closing quote at {@code from}, or -1: scan.l's
   * {@code quotecontinue}, that is spaces, tabs and {@code --} comments, a line break, then any
   * whitespace and {@code --} comment lines, then a quote.
   */
  private int continuation(int from) {
    int i = from;
    while (true) {
      if (i >= length) {
        return -1;
      }
      char c = source.charAt(i);
      if (c == '\n' || c == '\r') {
        i++;
        break;
      }
      if (isHorizontalSpace(c)) {
        i++;
      } else if (c == '-' && i + 1 < length && source.charAt(i + 1) == '-') {
        i = lineEnd(i);
      } else {
        return -1;
      }
    }
    while (i < length) {
      char c = source.charAt(i);
      if (c == '\n' || c == '\r' || isHorizontalSpace(c)) {
        i++;
      } else if (c == '-' && i + 1 < length && source.charAt(i + 1) == '-') {
        i = lineEnd(i);
        if (i >= length) {
          return -1; // a comment here must end with a line break
        }
        i++;
      } else {
        break;
      }
    }
    return i < length && source.charAt(i) == '\'' ? i : -1;
  }

  /** {@code $1} parameter, {@code $tag$ … $tag$} string, or a lone {@code $}. */
  private TokenType dollar(int startLine, int startColumn) {
    if (isDigit(peek(1))) {
      pos++;
      while (pos < length && isDigit(source.charAt(pos))) {
        pos++;
      }
      trailingJunk();
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
    advanceTo(close + delimiter.length());
    return TokenType.DOLLAR_STRING;
  }

  /**
   * A numeric constant, with what scan.l reads as part of it: {@code 1e-} ({@code realfail}, so
   * {@code 1e--x} holds no comment) and an identifier glued to it ({@code 1end}, the
   * {@code integer_junk} the server rejects), which is therefore no key word.
   */
  private TokenType number() {
    if (source.charAt(pos) == '0' && (peek(1) == 'x' || peek(1) == 'X' || peek(1) == 'o'
        || peek(1) == 'O' || peek(1) == 'b' || peek(1) == 'B') && isHexDigit(peek(2))) {
      pos += 2;
      while (pos < length && (isHexDigit(source.charAt(pos)) || source.charAt(pos) == '_')) {
        pos++;
      }
      trailingJunk();
      return TokenType.NUMBER;
    }
    digits();
    if (peek(0) == '.' && peek(1) != '.') {
      pos++;
      digits();
    }
    if (peek(0) == 'e' || peek(0) == 'E') {
      if (isDigit(peek(1))) {
        pos++;
        digits();
      } else if (peek(1) == '+' || peek(1) == '-') {
        pos += 2;
        if (!isDigit(peek(0))) {
          return TokenType.NUMBER; // realfail: the sign belongs to the number, the rest does not
        }
        digits();
      }
    }
    trailingJunk();
    return TokenType.NUMBER;
  }

  private void trailingJunk() {
    if (pos < length && isIdentStart(source.charAt(pos))) {
      identifierRest();
    }
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

  /**
   * A backslash outside quotes and comments: psql's {@code \;} and {@code \:} put a plain
   * semicolon or colon into the query (psqlscan.l); any other backslash starts a meta-command.
   */
  private TokenType backslash() {
    if (peek(1) == ';') {
      pos += 2;
      return TokenType.SEMICOLON;
    }
    if (peek(1) == ':') {
      pos += 2;
      return TokenType.COLON;
    }
    pos = PsqlMetaCommand.end(source, pos);
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
      int eol = lineEnd(pos);
      boolean terminator = eol - pos == 2 && source.charAt(pos) == '\\' && source.charAt(pos + 1) == '.';
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

  /** The offset of the first line break at or after {@code from}, or the end of the input. */
  private int lineEnd(int from) {
    int i = from;
    while (i < length && source.charAt(i) != '\n' && source.charAt(i) != '\r') {
      i++;
    }
    return i;
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

  /** Whitespace other than line breaks: space, tab, form feed, vertical tab (scan.l's set). */
  private static boolean isHorizontalSpace(char c) {
    return c == ' ' || c == '\t' || c == '\f' || c == 0x0B;
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
