package io.migrationsafety.format;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration version made of numeric parts, compared part by part as numbers: {@code 1.1} comes
 * before {@code 2}, which comes before {@code 10}; a timestamp such as {@code 20240131120000} is
 * one part. {@code _} and {@code .} both separate parts, and trailing zero parts do not count
 * ({@code 1.2.0} equals {@code 1.2}), as in Flyway.
 *
 * @param parts the numeric parts, without trailing zeros
 * @param text the version as written
 */
public record MigrationVersion(List<BigInteger> parts, String text) implements Comparable<MigrationVersion> {

  /** Flyway style: optional prefix letters, a dotted version, then {@code __}. */
  private static final Pattern BEFORE_SEPARATOR = Pattern.compile("^[A-Za-z]{0,3}?(\\d+(?:[._]\\d+)*)__");
  /** Otherwise: optional prefix letters and one run of digits (a number or a timestamp). */
  private static final Pattern DIGITS = Pattern.compile("^[A-Za-z]{0,3}?(\\d+)");

  public MigrationVersion {
    parts = List.copyOf(parts);
    Objects.requireNonNull(text, "text");
  }

  /** Parses {@code 1}, {@code 1.2.10}, {@code 1_1}, {@code 20240131120000}. */
  public static MigrationVersion parse(String text) {
    List<BigInteger> parts = new ArrayList<>();
    for (String part : text.split("[._]")) {
      if (part.isEmpty() || !part.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException("not a version: " + text);
      }
      parts.add(new BigInteger(part));
    }
    while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
      parts.remove(parts.size() - 1);
    }
    return new MigrationVersion(parts, text);
  }

  /**
   * The version a file name starts with ({@code V1_1__add.sql} → {@code 1_1},
   * {@code 001_create.up.sql} → {@code 001}, {@code 20240131120000_init} → the timestamp), or
   * {@code null} when it starts with none.
   */
  public static MigrationVersion leading(String fileName) {
    // "V1_1__x": a dotted version up to the double separator; "001_2fa.sql": just the digits.
    Matcher m = BEFORE_SEPARATOR.matcher(fileName);
    if (!m.find()) {
      m = DIGITS.matcher(fileName);
      if (!m.find()) {
        return null;
      }
    }
    return parse(m.group(1));
  }

  @Override
  public int compareTo(MigrationVersion other) {
    int n = Math.max(parts.size(), other.parts.size());
    for (int i = 0; i < n; i++) {
      BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
      BigInteger b = i < other.parts.size() ? other.parts.get(i) : BigInteger.ZERO;
      int c = a.compareTo(b);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MigrationVersion v && compareTo(v) == 0;
  }

  @Override
  public int hashCode() {
    return parts.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
