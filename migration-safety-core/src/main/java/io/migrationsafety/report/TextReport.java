package io.migrationsafety.report;

import io.migrationsafety.MigrationReview;
import io.migrationsafety.Review;
import io.migrationsafety.Verdict;
import io.migrationsafety.Version;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.trace.MigrationTrace;
import io.migrationsafety.trace.Trace;
import io.migrationsafety.rule.Severity;
import java.io.PrintWriter;
import java.util.List;

/**
 * The report for a terminal: per finding the file and line, the offending SQL line, what is
 * wrong, why, and the safe SQL; a summary at the end. ANSI colour only when asked for (the CLI asks
 * on a terminal).
 */
final class TextReport {

  private static final String RESET = "\u001B[0m";
  private static final String RED = "\u001B[31m";
  private static final String YELLOW = "\u001B[33m";
  private static final String GREEN = "\u001B[32m";
  private static final String DIM = "\u001B[2m";
  private static final String BOLD = "\u001B[1m";

  private final boolean colour;

  TextReport(boolean colour) {
    this.colour = colour;
  }

  void write(Review review, Trace trace, PrintWriter out) {
    out.println(paint(BOLD, "migration-safety " + Version.get()) + paint(DIM, " · " + review.format() + " · "
        + review.directory() + " · PostgreSQL " + review.postgresVersion()));
    if (review.applied().known()) {
      int applied = review.applied().applied().size();
      out.println(paint(DIM, "history: " + review.applied().source() + " · " + applied
          + (applied == 1 ? " migration" : " migrations") + " already applied, not reviewed"));
    }
    out.println();
    for (Finding f : review.setFindings()) {
      finding(out, f, "", List.of());
    }
    for (MigrationReview m : review.migrations()) {
      out.println(label(m.verdict(), true) + "  " + m.file() + paint(DIM, "  (" + m.statements()
          + (m.statements() == 1 ? " statement" : " statements") + (m.unrecognized() > 0 ? ", " + m.unrecognized() + " not understood" : "")
          + "; " + EstimateText.migration(m.estimate()) + ")"));
      SourceLines lines = SourceLines.of(m);
      java.util.Set<String> estimated = new java.util.HashSet<>();
      for (Finding f : m.findings()) {
        // A statement's estimate is printed under its first finding that names locks, not repeated.
        List<String> estimate = f.locks().isEmpty() || !estimated.add(f.line() + ":" + f.column()) ? List.of()
            : m.estimateOf(f).map(EstimateText::statement).orElse(List.of());
        finding(out, f, lines.line(f.line()), estimate);
      }
      if (trace != null) {
        trace.migration(m.file()).ifPresent(t -> traceLines(out, t));
      }
    }
    if (trace != null) {
      out.println();
      out.println(paint(DIM, "Traced on " + trace.target() + "; every transaction rolled back."));
    }
    out.println();
    out.println(summary(review));
  }

  /** A trace on its own: per migration the observed and predicted locks of each statement. */
  void write(Trace trace, PrintWriter out) {
    out.println(paint(BOLD, "migration-safety " + Version.get()) + paint(DIM, " · trace on " + trace.target()
        + "; every transaction rolled back"));
    out.println();
    for (MigrationTrace m : trace.migrations()) {
      out.println(paint(BOLD, m.file()) + paint(DIM, "  (" + m.statements().size()
          + (m.statements().size() == 1 ? " statement)" : " statements)")));
      for (Finding f : m.findings()) {
        finding(out, f, "", List.of());
      }
      traceLines(out, m);
    }
    out.println();
    long disagreements = trace.findings().size();
    out.println("Lock model: " + (disagreements == 0 ? paint(GREEN, "agrees with the server on every traced statement")
        : paint(YELLOW, disagreements + " statement" + (disagreements == 1 ? "" : "s") + " where it disagrees")));
  }

  private void traceLines(PrintWriter out, MigrationTrace trace) {
    out.println(paint(DIM, "    trace:"));
    TraceRendering.lines(trace).forEach(l -> out.println("      " + l));
  }

  private void finding(PrintWriter out, Finding f, String sourceLine, List<String> estimate) {
    out.println("  " + f.file() + ":" + f.line() + ":" + f.column() + "  " + severity(f.severity()) + "  " + f.rule());
    if (!sourceLine.isEmpty()) {
      out.println(paint(DIM, "    | ") + sourceLine);
    }
    out.println("    " + f.message());
    estimate.forEach(l -> out.println(paint(DIM, "    estimate: ") + l));
    out.println(paint(DIM, "    why: ") + f.why());
    if (f.suggestion() != null) {
      out.println(paint(DIM, "    instead:"));
      f.suggestion().lines().forEach(l -> out.println("      " + l));
    }
    out.println(paint(DIM, "    docs: docs/rules/" + f.rule() + ".md"));
  }

  private String summary(Review review) {
    long blocked = review.migrations().stream().filter(m -> m.verdict() == Verdict.BLOCKED).count();
    long warning = review.migrations().stream().filter(m -> m.verdict() == Verdict.WARNING).count();
    int total = review.migrations().size();
    return "Verdict: " + label(review.verdict(), false) + " — " + total + " migration" + (total == 1 ? "" : "s") + ", "
        + blocked + " blocked, " + warning + " with warnings, " + (total - blocked - warning) + " safe";
  }

  /** The verdict in its colour; padded to one width when listing migrations. */
  private String label(Verdict v, boolean padded) {
    String text = padded ? String.format("%-7s", v.name()) : v.name();
    return switch (v) {
      case BLOCKED -> paint(RED + BOLD, text);
      case WARNING -> paint(YELLOW + BOLD, text);
      case SAFE -> paint(GREEN + BOLD, text);
    };
  }

  private String severity(Severity s) {
    return switch (s) {
      case BLOCKED -> paint(RED, "BLOCKED");
      case WARNING -> paint(YELLOW, "WARNING");
      case INFO -> paint(DIM, "INFO");
    };
  }

  private String paint(String code, String text) {
    return colour ? code + text + RESET : text;
  }
}
