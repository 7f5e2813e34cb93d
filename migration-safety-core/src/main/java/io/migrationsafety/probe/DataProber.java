package io.migrationsafety.probe;

import java.util.Optional;

/**
 * Runs {@link DataProbe}s for reviews. Immutable and thread-safe; each review opens a
 * {@link Session} of its own, which holds its connection and its time budget.
 */
public interface DataProber {

  /** A session for one review; the review closes it. */
  Session open();

  /** The prober of a review without a database, or with probes turned off: every probe is skipped. */
  static DataProber off() {
    return () -> Session.NONE;
  }

  /** The probes of one review. Not thread-safe. */
  interface Session extends AutoCloseable {

    /** The session of {@link DataProber#off()}. */
    Session NONE = probe -> Optional.empty();

    /**
     * Runs {@code probe}: empty when it is skipped (probes off, or the table or a column it reads
     * is not in the live database as the probe expects it, such as one the migrations create).
     */
    Optional<ProbeResult> run(DataProbe probe);

    /** Ends the session; never throws. */
    @Override
    default void close() {}
  }
}
