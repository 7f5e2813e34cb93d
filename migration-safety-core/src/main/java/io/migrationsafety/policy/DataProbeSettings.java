package io.migrationsafety.policy;

/**
 * The policy for data probes: read-only queries that, when a review reads a live database, look
 * for the rows that would make a constraint or type change fail.
 *
 * @param enabled whether probes run (they never run without a database)
 * @param timeoutMillis each probe's {@code statement_timeout}, in milliseconds; a probe that takes
 *     longer reports that it does not know
 * @param budgetMillis the time all probes of one review may take together, in milliseconds; once it
 *     is spent, the remaining probes report that they do not know
 */
public record DataProbeSettings(boolean enabled, long timeoutMillis, long budgetMillis) {

  /** A probe's timeout unless the policy says otherwise: 5 seconds. */
  public static final long DEFAULT_TIMEOUT_MILLIS = 5_000;
  /** The budget of all probes of a review unless the policy says otherwise: 30 seconds. */
  public static final long DEFAULT_BUDGET_MILLIS = 30_000;

  private static final DataProbeSettings DEFAULTS =
      new DataProbeSettings(true, DEFAULT_TIMEOUT_MILLIS, DEFAULT_BUDGET_MILLIS);

  public DataProbeSettings {
    if (timeoutMillis < 1 || budgetMillis < 1) {
      throw new IllegalArgumentException("data-probe timeout and budget must be at least 1 ms");
    }
  }

  /** On, 5 s per probe, 30 s in all. */
  public static DataProbeSettings defaults() {
    return DEFAULTS;
  }
}
