package io.migrationsafety.sql;

/** The kinds of token of PostgreSQL's lexical grammar, plus psql's meta-commands. */
public enum TokenType {
  /** An unquoted identifier or key word; PostgreSQL folds it to lower case. */
  IDENTIFIER,
  /** A {@code "quoted"} or {@code U&"quoted"} identifier; case is kept. */
  QUOTED_IDENTIFIER,
  /** A string constant: {@code '…'}, {@code E'…'}, {@code U&'…'}, {@code B'…'}, {@code X'…'}, {@code N'…'}. */
  STRING,
  /** A dollar-quoted string constant: {@code $tag$…$tag$}. */
  DOLLAR_STRING,
  /** A numeric constant. */
  NUMBER,
  /** A positional parameter such as {@code $1}. */
  PARAMETER,
  /** An operator such as {@code =}, {@code ||}, {@code ->>}. */
  OPERATOR,
  LEFT_PAREN,
  RIGHT_PAREN,
  LEFT_BRACKET,
  RIGHT_BRACKET,
  COMMA,
  SEMICOLON,
  DOT,
  COLON,
  /** The cast operator {@code ::}. */
  DOUBLE_COLON,
  /** A {@code -- comment} to the end of its line. */
  LINE_COMMENT,
  /** A {@code /* comment *}{@code /}, possibly nested. */
  BLOCK_COMMENT,
  /** A psql meta-command: a backslash outside quotes, to the end of its line. */
  PSQL_META_COMMAND,
  /** The rows of a {@code COPY … FROM stdin}, up to and including the closing {@code \.} line. */
  COPY_DATA;

  /** Whether this token is a comment. */
  public boolean isComment() {
    return this == LINE_COMMENT || this == BLOCK_COMMENT;
  }
}
