package io.migrationsafety.estimate;

import java.util.Objects;

/**
 * How long one statement runs.
 *
 * @param durationMs the expected duration in milliseconds, or {@code null} when it cannot be known
 *     (a table of unknown size, work the model has not been calibrated for)
 * @param upperBound whether the duration is a ceiling rather than an expectation (an UPDATE whose
 *     WHERE may touch any number of rows is costed as touching all of them)
 * @param basis what the number rests on, for a person ({@code rewrite of public.orders (48 M rows,
 *     9.1 GB)}), or why there is none ({@code unknown size of public.orders})
 */
public record Estimate(Long durationMs, boolean upperBound, String basis) {

  public Estimate {
    Objects.requireNonNull(basis, "basis");
    if (durationMs != null && durationMs < 0) {
      throw new IllegalArgumentException("a duration cannot be negative");
    }
  }

  /** An expected duration. */
  public static Estimate of(double ms, String basis) {
    return new Estimate(round(ms), false, basis);
  }

  /** A ceiling. */
  public static Estimate atMost(double ms, String basis) {
    return new Estimate(round(ms), true, basis);
  }

  /** No number, and why. */
  public static Estimate unknown(String why) {
    return new Estimate(null, false, why);
  }

  /** Whether there is a number. */
  public boolean known() {
    return durationMs != null;
  }

  /** Two pieces of work done one after the other (the subcommands of one ALTER TABLE). */
  public Estimate plus(Estimate other) {
    String joined = basis.isEmpty() ? other.basis : other.basis.isEmpty() ? basis : basis + "; " + other.basis;
    if (!known() || !other.known()) {
      return unknown(joined);
    }
    return new Estimate(durationMs + other.durationMs, upperBound || other.upperBound, joined);
  }

  private static long round(double ms) {
    return Math.max(0, Math.round(ms));
  }
}
