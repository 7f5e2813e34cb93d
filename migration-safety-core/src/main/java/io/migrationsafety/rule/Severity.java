package io.migrationsafety.rule;

/** How much a finding matters, from least to most. */
public enum Severity {
  /** Worth knowing; does not change the verdict. */
  INFO,
  /** A risk a person should look at: the verdict is at least WARNING. */
  WARNING,
  /** Must not ship as written: the verdict is BLOCKED. */
  BLOCKED
}
