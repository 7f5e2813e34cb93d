package io.migrationsafety.format;

/** How well a directory fits a {@link MigrationFormat}. */
public enum FormatMatch {
  /** Not this format. */
  NONE,
  /** Could be read as this format, but nothing marks it as such (a directory of .sql files). */
  GENERIC,
  /** Marked as this format: its file names, layout or marker files. */
  SPECIFIC
}
