package io.migrationsafety.format;

import java.util.Comparator;

/**
 * Orders names as people read them: runs of digits compare by numeric value, so {@code V2__a.sql}
 * comes before {@code V10__b.sql}, and the rest compares character by character. Ties between
 * equal numbers written differently ({@code 01} and {@code 1}) are broken by length, so the order
 * is total and stable.
 */
public final class NaturalOrder implements Comparator<String> {

  /** The shared instance; the comparator has no state. */
  public static final NaturalOrder INSTANCE = new NaturalOrder();

  private NaturalOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (isDigit(ca) && isDigit(cb)) {
        int endA = digitsEnd(a, i);
        int endB = digitsEnd(b, j);
        int byValue = compareDigits(a, i, endA, b, j, endB);
        if (byValue != 0) {
          return byValue;
        }
        i = endA;
        j = endB;
      } else {
        if (ca != cb) {
          return Character.compare(ca, cb);
        }
        i++;
        j++;
      }
    }
    int byRest = Integer.compare(a.length() - i, b.length() - j);
    return byRest != 0 ? byRest : a.compareTo(b);
  }

  private static int compareDigits(String a, int i, int endA, String b, int j, int endB) {
    int si = skipZeros(a, i, endA);
    int sj = skipZeros(b, j, endB);
    int lengths = Integer.compare(endA - si, endB - sj);
    if (lengths != 0) {
      return lengths;
    }
    for (int k = 0; k < endA - si; k++) {
      int d = Character.compare(a.charAt(si + k), b.charAt(sj + k));
      if (d != 0) {
        return d;
      }
    }
    return Integer.compare(endA - i, endB - j);
  }

  private static int skipZeros(String s, int from, int end) {
    while (from < end - 1 && s.charAt(from) == '0') {
      from++;
    }
    return from;
  }

  private static int digitsEnd(String s, int from) {
    while (from < s.length() && isDigit(s.charAt(from))) {
      from++;
    }
    return from;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
