package io.migrationsafety.report;

import io.migrationsafety.MigrationReview;

/** The lines of a migration's script, to quote the statement a finding points at. */
final class SourceLines {

  private SourceLines() {}

  /** Line {@code line} (one-based) of the migration's forward script, or "" when out of range. */
  static String line(MigrationReview review, int line) {
    String[] lines = review.migration().upScript().split("\\R", -1);
    return line >= 1 && line <= lines.length ? lines[line - 1].strip() : "";
  }
}
