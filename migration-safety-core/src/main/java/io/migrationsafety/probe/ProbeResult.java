package io.migrationsafety.probe;

import java.util.Objects;

/** What a {@link DataProbe} found. Use {@link #kind()} to switch over the cases. */
public sealed interface ProbeResult permits ProbeResult.Clean, ProbeResult.Violations, ProbeResult.Unknown {

  /** The cases, for an exhaustive {@code switch}. */
  enum Kind {
    /** No offending row: the statement will not fail on the data as it is. */
    CLEAN,
    /** Offending rows exist: the statement fails on the data as it is. */
    VIOLATIONS,
    /** The probe could not tell (timeout, budget spent, a query error). */
    UNKNOWN
  }

  /** Which case this is. */
  Kind kind();

  /** No offending row. */
  record Clean() implements ProbeResult {
    @Override
    public Kind kind() {
      return Kind.CLEAN;
    }
  }

  /**
   * Offending rows exist.
   *
   * @param rows how many were found (at least one)
   * @param atLeast whether there may be more than {@code rows}: the probe stops counting at
   *     {@link DataProbe#LIMIT}, and a conversion that fails says only that one value does not convert
   * @param exampleKey the key of one offending row (its primary key, or the duplicated key), or
   *     {@code null} when the probe could not name one; never other values of the row
   */
  record Violations(long rows, boolean atLeast, String exampleKey) implements ProbeResult {
    public Violations {
      if (rows < 1) {
        throw new IllegalArgumentException("violations need at least one row");
      }
    }

    @Override
    public Kind kind() {
      return Kind.VIOLATIONS;
    }

    /** The count in words: {@code 3 rows}, {@code at least 1,000 rows}. */
    public String count() {
      return (atLeast ? "at least " : "") + String.format(java.util.Locale.ROOT, "%,d", rows)
          + (rows == 1 ? " row" : " rows");
    }
  }

  /**
   * The probe could not tell whether offending rows exist: treated as a risk, never as safe.
   *
   * @param reason why, in words ({@code the probe took longer than its 5000 ms timeout})
   */
  record Unknown(String reason) implements ProbeResult {
    public Unknown {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Kind kind() {
      return Kind.UNKNOWN;
    }
  }
}
