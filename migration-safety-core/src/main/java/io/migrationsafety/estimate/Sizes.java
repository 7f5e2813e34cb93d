package io.migrationsafety.estimate;

import java.util.Locale;

/** Sizes and durations in the units a person reads: {@code 48 M rows}, {@code 9.1 GB}, {@code 6 min}. */
public final class Sizes {

  private Sizes() {}

  /** {@code (48 M rows, 9.1 GB)}; the part that was derived from the other is marked with {@code ~}. */
  static String describe(TableStats size, Rates rates) {
    String rows = (size.rows() == null ? "~" : "") + count(size.rows(rates)) + " rows";
    String bytes = (size.bytes() == null ? "~" : "") + bytes(size.bytes(rates));
    return "(" + rows + ", " + bytes + ")";
  }

  /** A count: {@code 950}, {@code 12 k}, {@code 48 M}, {@code 1.2 G}. */
  public static String count(double n) {
    if (n < 1_000) {
      return String.valueOf(Math.round(n));
    }
    String[] units = {" k", " M", " G", " T"};
    double value = n;
    int unit = -1;
    while (value >= 1_000 && unit < units.length - 1) {
      value /= 1_000;
      unit++;
    }
    return oneDecimal(value) + units[unit];
  }

  /** Bytes: {@code 512 B}, {@code 8.2 kB}, {@code 9.1 GB} (powers of 1024, as PostgreSQL's pg_size_pretty). */
  public static String bytes(double n) {
    String[] units = {" B", " kB", " MB", " GB", " TB"};
    double value = n;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return (unit == 0 ? String.valueOf(Math.round(value)) : oneDecimal(value)) + units[unit];
  }

  /** A duration: {@code 3 ms}, {@code 1.2 s}, {@code 6 min}, {@code 2.5 h}. */
  public static String duration(long ms) {
    if (ms < 1_000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return oneDecimal(ms / 1_000.0) + " s";
    }
    if (ms < 3_600_000) {
      return oneDecimal(ms / 60_000.0) + " min";
    }
    return oneDecimal(ms / 3_600_000.0) + " h";
  }

  private static String oneDecimal(double value) {
    String s = value >= 100 ? String.valueOf(Math.round(value)) : String.format(Locale.ROOT, "%.1f", value);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
