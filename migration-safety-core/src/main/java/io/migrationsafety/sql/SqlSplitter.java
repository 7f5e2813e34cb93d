package io.migrationsafety.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements exactly where psql would send them to the server: at a
 * semicolon outside quotes, comments, parentheses and {@code BEGIN ATOMIC … END} bodies.
 *
 * <p>Also as psql does: a backslash line is a meta-command (reported as its own piece, never
 * interpreted), the lines after
 * {@code COPY … FROM stdin;} or {@code \copy … from stdin} up to {@code \.} are data, and a last
 * statement without a semicolon still counts. Empty statements (a lone {@code ;}) are separators,
 * not statements.
 *
 * <p>psql's {@code \;} separates statements here like {@code ;}: psql sends the commands on both
 * sides in one query string, but the server runs them as separate commands, so each is reviewed
 * as one (only their shared implicit transaction is lost).
 *
 * <p>A {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE … BEGIN ATOMIC … END} body is kept whole, as
 * psql keeps it, counting {@code CASE … END} inside; but where psql's word counting and the
 * server's grammar differ, the server wins: only {@code BEGIN ATOMIC} opens a body, and
 * {@code begin}, {@code case} or {@code end} used as a name ({@code AS end}, {@code t.end}, a
 * function named {@code begin}) opens or closes nothing. psql would send such a statement merged
 * with the next ones, or cut inside its body.
 *
 * <p>Unlike psql, a meta-command in the middle of a statement ends that statement: psql keeps what
 * it has read of the statement and goes on collecting it after the meta-command (unless that sends
 * or resets it, as {@code \g} and {@code \r} do). Ending it there keeps every statement one
 * contiguous span of the source; meta-commands inside a statement are rare in migrations.
 */
public final class SqlSplitter {

  private final Lexer lexer;
  private final String source;
  private final String file;
  private final List<Builder> done = new ArrayList<>();
  private final List<Token> gapComments = new ArrayList<>();
  private Builder current;
  private Builder lastTerminated;
  private int lastTerminatorLine = -1;

  private SqlSplitter(String source, String file) {
    this.source = source;
    this.file = file;
    this.lexer = new Lexer(source, file);
  }

  /**
   * Splits {@code source}.
   *
   * @param file names the source in error messages
   * @throws SqlSyntaxException on an unterminated quote, comment or dollar quote, or a NUL byte
   */
  public static SqlScript split(String source, String file) {
    return new SqlSplitter(source, file).run();
  }

  private SqlScript run() {
    for (Token t = lexer.next(); t != null; t = lexer.next()) {
      accept(t);
    }
    if (current != null) {
      finish(false);
    }
    List<SqlStatement> statements = new ArrayList<>(done.size());
    for (Builder b : done) {
      statements.add(b.build(statements.size()));
    }
    return new SqlScript(file, source, statements);
  }

  private void accept(Token t) {
    switch (t.type()) {
      case LINE_COMMENT, BLOCK_COMMENT -> comment(t);
      case PSQL_META_COMMAND, COPY_DATA -> {
        if (current != null) {
          finish(false);
        }
        Builder piece = new Builder(t.type() == TokenType.COPY_DATA
            ? SqlStatement.Kind.COPY_DATA : SqlStatement.Kind.PSQL_META_COMMAND, takeGapComments());
        piece.add(t, false);
        done.add(piece);
        lastTerminated = piece;
        lastTerminatorLine = t.end().line();
        if (t.type() == TokenType.PSQL_META_COMMAND && PsqlMetaCommand.isCopyFromStdin(t.text())) {
          lexer.expectCopyData();
        }
      }
      case SEMICOLON -> {
        if (current == null) {
          lastTerminatorLine = t.line();
        } else if (current.parenDepth == 0 && current.beginDepth == 0) {
          boolean copyFromStdin = current.isCopyFromStdin();
          lastTerminatorLine = t.line();
          finish(true);
          if (copyFromStdin) {
            lexer.expectCopyData();
          }
        } else {
          current.add(t, true);
        }
      }
      default -> {
        if (current == null) {
          current = new Builder(SqlStatement.Kind.SQL, takeGapComments());
        }
        current.add(t, true);
      }
    }
  }

  private void comment(Token t) {
    if (current != null) {
      current.comments.add(t);
      current.extendTo(t);
    } else if (lastTerminated != null && t.line() == lastTerminatorLine) {
      lastTerminated.comments.add(t);
    } else {
      gapComments.add(t);
    }
  }

  private List<Token> takeGapComments() {
    List<Token> taken = new ArrayList<>(gapComments);
    gapComments.clear();
    return taken;
  }

  private void finish(boolean terminated) {
    current.terminated = terminated;
    done.add(current);
    lastTerminated = terminated ? current : null;
    current = null;
  }

  private final class Builder {
    final SqlStatement.Kind kind;
    final List<Token> tokens = new ArrayList<>();
    final List<Token> comments;
    Token first;
    Token last;
    boolean terminated;
    int parenDepth;
    int beginDepth;
    // psql's test for CREATE [OR REPLACE] FUNCTION|PROCEDURE, whose BEGIN ATOMIC … END body holds
    // semicolons (psqlscan.l): the first letters of the first four identifiers, where they are
    // one of its key words.
    final char[] leadingWords = new char[4];
    int identifierCount;

    Builder(SqlStatement.Kind kind, List<Token> leadingComments) {
      this.kind = kind;
      this.comments = leadingComments;
    }

    void add(Token t, boolean significant) {
      if (first == null) {
        first = t;
      }
      last = t;
      if (significant) {
        tokens.add(t);
        track(t);
      }
    }

    void extendTo(Token t) {
      last = t;
    }

    private void track(Token t) {
      switch (t.type()) {
        case LEFT_PAREN -> parenDepth++;
        case RIGHT_PAREN -> {
          if (parenDepth > 0) {
            parenDepth--;
          }
        }
        case IDENTIFIER -> trackIdentifier(t);
        default -> { }
      }
    }

    private void trackIdentifier(Token t) {
      if (identifierCount < leadingWords.length
          && (t.is("create") || t.is("function") || t.is("procedure") || t.is("or") || t.is("replace"))) {
        leadingWords[identifierCount] = Character.toLowerCase(t.text().charAt(0));
      }
      identifierCount++;
      boolean routine = leadingWords[0] == 'c'
          && (leadingWords[1] == 'f' || leadingWords[1] == 'p'
              || (leadingWords[1] == 'o' && leadingWords[2] == 'r'
                  && (leadingWords[3] == 'f' || leadingWords[3] == 'p')));
      if (!routine || parenDepth != 0) {
        return;
      }
      // psql counts every BEGIN, CASE and END; the server's grammar is followed where they differ:
      // a body opens at BEGIN ATOMIC only (not at a function named begin, nor at AS begin), and
      // CASE or END written as a label (AS end, t.end) opens or closes nothing.
      Token previous = tokens.size() >= 2 ? tokens.get(tokens.size() - 2) : null;
      boolean label = previous != null && (previous.is("as") || previous.type() == TokenType.DOT);
      if (t.is("atomic")) {
        if (previous != null && previous.is("begin")) {
          beginDepth++;
        }
      } else if (t.is("case") && !label) {
        // CASE also ends with END; it only matters inside a BEGIN.
        if (beginDepth >= 1) {
          beginDepth++;
        }
      } else if (t.is("end") && !label && beginDepth > 0) {
        beginDepth--;
      }
    }

    boolean isCopyFromStdin() {
      if (tokens.isEmpty() || !tokens.get(0).is("copy")) {
        return false;
      }
      int depth = 0;
      for (int i = 1; i + 1 < tokens.size(); i++) {
        Token t = tokens.get(i);
        if (t.type() == TokenType.LEFT_PAREN) {
          depth++;
        } else if (t.type() == TokenType.RIGHT_PAREN) {
          depth--;
        } else if (depth == 0 && t.is("from") && tokens.get(i + 1).is("stdin")) {
          return true;
        }
      }
      return false;
    }

    SqlStatement build(int index) {
      SourcePosition start = first.start();
      SourcePosition end = last.end();
      String text = source.substring(start.offset(), end.offset());
      return new SqlStatement(index, kind, text, new SourceSpan(start, end), tokens, comments, terminated);
    }
  }
}
