package io.migrationsafety.policy;

import java.util.Collection;

/** Suggests the known word nearest to a misspelled one, by edit (Levenshtein) distance. */
final class Nearest {

  private Nearest() {}

  /**
   * {@code " (did you mean 'x'?)"} for the candidate nearest to {@code word}, or {@code ""} when
   * none is close enough to be a likely typo. Close enough: at most a third of the word's length
   * apart, and never more than 3 edits (a hyphen for an underscore counts as one).
   */
  static String didYouMean(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(word, candidate);
      if (d < bestDistance || (d == bestDistance && best != null && candidate.compareTo(best) < 0)) {
        best = candidate;
        bestDistance = d;
      }
    }
    int limit = Math.min(3, Math.max(1, word.length() / 3));
    return best != null && bestDistance <= limit ? " (did you mean '" + best + "'?)" : "";
  }

  /** The Levenshtein distance: insertions, deletions and substitutions of one character each. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
