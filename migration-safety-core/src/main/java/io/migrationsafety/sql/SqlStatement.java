package io.migrationsafety.sql;

import java.util.List;
import java.util.Objects;

/**
 * One statement of a script as PostgreSQL (through psql) would receive it.
 *
 * @param index position of the statement in its script, from 0
 * @param kind SQL, a psql meta-command, or the data block of a {@code COPY … FROM stdin}
 * @param text the exact source text, from its first token to its last, without the terminating
 *     semicolon
 * @param span where {@code text} lies in the script
 * @param tokens the tokens of {@code text} without comments
 * @param comments the comments that belong to the statement: those before it (after the previous
 *     statement's line), inside it, and a comment on the line of its terminating semicolon
 * @param terminated whether a semicolon ended the statement (the last statement of a file may
 *     lack one)
 */
public record SqlStatement(
    int index,
    Kind kind,
    String text,
    SourceSpan span,
    List<Token> tokens,
    List<Token> comments,
    boolean terminated) {

  /** What a piece of a script is. */
  public enum Kind {
    /** A statement sent to the server. */
    SQL,
    /** A psql meta-command line such as {@code \set} or {@code \i}: not SQL, not run by a server. */
    PSQL_META_COMMAND,
    /** The rows that follow a {@code COPY … FROM stdin} statement. */
    COPY_DATA
  }

  public SqlStatement {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(span, "span");
    tokens = List.copyOf(tokens);
    comments = List.copyOf(comments);
  }

  /** The one-based line the statement starts on. */
  public int line() {
    return span.start().line();
  }

  /** The one-based column the statement starts at. */
  public int column() {
    return span.start().column();
  }
}
