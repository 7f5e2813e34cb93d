package io.migrationsafety;

import io.migrationsafety.rule.Severity;

/** The outcome of a review, for one migration or all of them: the worst of its findings. */
public enum Verdict {
  /** Nothing found that needs attention. */
  SAFE,
  /** Something a person should look at before it ships. */
  WARNING,
  /** Must not ship as written. */
  BLOCKED;

  /** The verdict a finding of {@code severity} leads to. */
  public static Verdict of(Severity severity) {
    switch (severity) {
      case BLOCKED:
        return BLOCKED;
      case WARNING:
        return WARNING;
      default:
        return SAFE;
    }
  }

  /** The worse of the two. */
  public Verdict worst(Verdict other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
