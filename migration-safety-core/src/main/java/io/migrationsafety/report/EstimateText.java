package io.migrationsafety.report;

import io.migrationsafety.estimate.Estimate;
import io.migrationsafety.estimate.LockHold;
import io.migrationsafety.estimate.MigrationEstimate;
import io.migrationsafety.estimate.Sizes;
import io.migrationsafety.estimate.StatementEstimate;
import java.util.ArrayList;
import java.util.List;

/** Estimates in the words the text and Markdown reports and the production script print. */
public final class EstimateText {

  private EstimateText() {}

  /** {@code ≈ 2.1 s, locks blocking reads or writes held ≤ 1.8 s}, or why there is no number. */
  public static String migration(MigrationEstimate e) {
    String duration = e.durationMs() == null ? "duration unknown" : approx(e.upperBound()) + Sizes.duration(e.durationMs());
    String lock = e.lockMs() == null ? "lock time unknown"
        : e.lockMs() == 0 ? "no lock that blocks reads or writes"
        : "blocking locks held " + approx(e.upperBound()) + Sizes.duration(e.lockMs());
    return duration + ", " + lock;
  }

  /**
   * The lines under a finding: how long its statement runs and on what that rests, then each lock
   * that blocks reads or writes with how long it is held and what it blocks.
   */
  static List<String> statement(StatementEstimate s) {
    List<String> lines = new ArrayList<>();
    Estimate e = s.estimate();
    lines.add("runs " + (e.known() ? approx(e.upperBound()) + Sizes.duration(e.durationMs()) : "for an unknown time")
        + (e.basis().isEmpty() ? "" : ": " + e.basis()));
    for (LockHold hold : s.holds()) {
      if (!hold.mode().blocksReads() && !hold.mode().blocksWrites()) {
        continue;
      }
      lines.add(hold.mode().sqlName() + " on " + hold.relation() + " held "
          + (hold.lockMs() == null ? "for an unknown time" : approx(hold.upperBound()) + Sizes.duration(hold.lockMs()))
          + " (until the transaction ends); blocks " + hold.mode().blocks());
    }
    return lines;
  }

  private static String approx(boolean ceiling) {
    return ceiling ? "≤ " : "≈ ";
  }
}
