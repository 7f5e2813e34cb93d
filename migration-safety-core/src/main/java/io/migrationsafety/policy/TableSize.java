package io.migrationsafety.policy;

/**
 * A table size the policy declares, for offline reviews.
 *
 * @param rows the number of rows
 * @param bytes the size on disk in bytes, or {@code null} when not given
 */
public record TableSize(long rows, Long bytes) {

  public TableSize {
    if (rows < 0 || (bytes != null && bytes < 0)) {
      throw new IllegalArgumentException("a table size cannot be negative");
    }
  }
}
