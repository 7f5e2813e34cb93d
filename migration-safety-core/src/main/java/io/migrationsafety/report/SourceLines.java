package io.migrationsafety.report;

import io.migrationsafety.MigrationReview;

/**
 * The lines of a migration's script, split once, to quote the statement each finding points at.
 */
final class SourceLines {

  private final String[] lines;

  private SourceLines(String script) {
    this.lines = script.split("\\R", -1);
  }

  /** The lines of the migration's forward script. */
  static SourceLines of(MigrationReview review) {
    return new SourceLines(review.migration().upScript());
  }

  /** Line {@code line} (one-based), stripped, or "" when out of range. */
  String line(int line) {
    return line >= 1 && line <= lines.length ? lines[line - 1].strip() : "";
  }
}
