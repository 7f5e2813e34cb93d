package io.migrationsafety.estimate;

/**
 * How big a table is, as far as the review knows.
 *
 * @param rows its rows, or {@code null} when unknown
 * @param bytes its size on disk with indexes and TOAST, or {@code null} when unknown
 * @param indexes how many indexes it has
 */
public record TableStats(Long rows, Long bytes, int indexes) {

  /** A table whose size nobody knows. */
  public static TableStats unknown(int indexes) {
    return new TableStats(null, null, indexes);
  }

  /** Whether its rows or its bytes are known (the other then follows from the calibrated width). */
  public boolean known() {
    return rows != null || bytes != null;
  }

  /** Its rows, from its bytes when only those are known. Only when {@link #known()}. */
  public double rows(Rates rates) {
    return rows != null ? rows : bytes / rates.bytesPerRow();
  }

  /** Its bytes, from its rows when only those are known. Only when {@link #known()}. */
  public double bytes(Rates rates) {
    return bytes != null ? bytes : rows * rates.bytesPerRow();
  }
}
