package io.migrationsafety.alembic.internal;

import io.migrationsafety.alembic.internal.python.PyComment;
import io.migrationsafety.parse.SqlParser;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Writes the SQL of one Python function so that every statement starts on the line, and at the
 * column, of the Python call it comes from: findings then point into the {@code .py} file. Only
 * SQL that spans lines of its own (a triple-quoted {@code op.execute}) can push later statements
 * down. {@code # migration-safety:…} comments of the function are carried over as SQL comments
 * on their lines, so suppressions work as in SQL files.
 */
final class SqlEmitter {

  private static final String DIRECTIVE = "migration-safety:";

  private final StringBuilder out = new StringBuilder();
  private final Deque<PyComment> comments = new ArrayDeque<>();
  private int line = 1;
  private int column = 1;

  SqlEmitter(List<PyComment> functionComments) {
    for (PyComment c : functionComments) {
      if (c.text().strip().startsWith(DIRECTIVE)) {
        comments.add(c);
      }
    }
  }

  /** One statement ({@code sql} without its terminator) from the call at {@code line}:{@code column}. */
  void statement(int atLine, int atColumn, String sql) {
    moveTo(atLine, atColumn);
    String text = stripTrailing(sql);
    append(text);
    if (!text.endsWith(";")) {
      int lastLine = text.lastIndexOf('\n');
      append(text.substring(lastLine + 1).contains("--") ? "\n;" : ";");
    }
  }

  /** One statement right after what was written last, on the same line (Alembic's closing BEGIN). */
  void statementHere(String sql) {
    statement(line, column + 1, sql);
  }

  /**
   * A placeholder for Python that could not be translated: the SQL parser reads it as an
   * unrecognized statement with {@code reason}, so it is reported, never dropped.
   */
  void unresolved(int atLine, int atColumn, String reason) {
    moveTo(atLine, atColumn);
    String safe = reason.replace("*/", "* /").replace("/*", "/ *").replaceAll("[\\r\\n]+", " ");
    append("unresolved /* " + SqlParser.UNRESOLVED_MARKER + " " + safe + " */;");
  }

  /**
   * Puts {@code BEGIN;} at the start of {@code atLine}, before what was written there: only blank
   * lines come before the line of a function's {@code def}, so no statement moves to another line.
   */
  void beginAt(int atLine) {
    int offset = 0;
    for (int l = 1; l < atLine && offset < out.length(); l++) {
      int newline = out.indexOf("\n", offset);
      if (newline < 0) {
        offset = out.length();
        break;
      }
      offset = newline + 1;
    }
    if (atLine > line) {
      moveTo(atLine, 1);
      offset = out.length();
    }
    boolean sameLineAfter = offset < out.length() && out.charAt(offset) != '\n';
    String begin = sameLineAfter ? "BEGIN; " : "BEGIN;";
    out.insert(offset, begin);
    if (atLine == line) {
      column += begin.length();
    }
  }

  /** The statements written so far, without the directive comments still to come. */
  String written() {
    return out.toString();
  }

  /** The script written so far, with the remaining directive comments. */
  String text() {
    flushComments(Integer.MAX_VALUE);
    return out.toString();
  }

  private void moveTo(int atLine, int atColumn) {
    flushComments(atLine);
    if (line < atLine) {
      append("\n".repeat(atLine - line));
      append(" ".repeat(Math.max(0, atColumn - 1)));
    } else if (line == atLine && out.length() > 0) {
      append(" ".repeat(Math.max(1, atColumn - column)));
    } else if (line > atLine) {
      append("\n");
    } else {
      append(" ".repeat(Math.max(0, atColumn - column)));
    }
  }

  private void flushComments(int beforeLine) {
    while (!comments.isEmpty() && comments.peek().line() < beforeLine) {
      PyComment c = comments.poll();
      if (line < c.line()) {
        append("\n".repeat(c.line() - line));
      } else if (out.length() > 0) {
        append(line == c.line() ? " " : "\n");
      }
      append("-- " + c.text().strip().replaceAll("[\\r\\n]", " ") + "\n");
    }
  }

  private void append(String s) {
    out.append(s);
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
  }

  private static String stripTrailing(String sql) {
    return sql.stripTrailing();
  }
}
