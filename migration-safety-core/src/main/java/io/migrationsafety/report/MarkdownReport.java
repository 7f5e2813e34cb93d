package io.migrationsafety.report;

import io.migrationsafety.MigrationReview;
import io.migrationsafety.Review;
import io.migrationsafety.Verdict;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.trace.MigrationTrace;
import io.migrationsafety.trace.ObservedStatement;
import io.migrationsafety.trace.StatementTrace;
import io.migrationsafety.trace.Trace;
import io.migrationsafety.trace.UntracedStatement;
import java.io.PrintWriter;
import java.util.List;

/**
 * A pull-request comment: an overall status line (🟢 safe, 🟡 warnings, 🔴 blocked), a table of the
 * migration files, and per file a collapsible section with each finding and its safe SQL.
 */
final class MarkdownReport {

  private MarkdownReport() {}

  static void write(Review review, Trace trace, PrintWriter out) {
    out.println("### " + badge(review.verdict()) + " migration-safety: " + review.verdict().name().toLowerCase()
        + " (" + review.migrations().size() + (review.migrations().size() == 1 ? " migration" : " migrations")
        + ", PostgreSQL " + review.postgresVersion() + ")");
    out.println();
    if (review.applied().known()) {
      out.println("History: `" + escape(review.applied().source()) + "`, " + review.applied().applied().size()
          + " already applied (not reviewed).");
      out.println();
    }
    out.println("| | migration | statements | findings | estimate |");
    out.println("| --- | --- | ---: | ---: | --- |");
    for (MigrationReview m : review.migrations()) {
      out.println("| " + badge(m.verdict()) + " | `" + escape(m.file()) + "` | " + m.statements() + " | "
          + m.findings().size() + " | " + escape(EstimateText.migration(m.estimate())) + " |");
    }
    out.println();
    if (!review.setFindings().isEmpty()) {
      details(out, "the migration set", review.setFindings(), null);
    }
    for (MigrationReview m : review.migrations()) {
      if (!m.findings().isEmpty()) {
        details(out, m.file(), m.findings(), m);
      }
    }
    if (trace != null) {
      traceSection(out, trace);
    }
  }

  /** A trace on its own. */
  static void write(Trace trace, PrintWriter out) {
    int disagreements = trace.findings().size();
    out.println("### " + (disagreements == 0 ? "🟢" : "🟡") + " migration-safety trace: " + trace.migrations().size()
        + (trace.migrations().size() == 1 ? " migration" : " migrations") + " on " + escape(trace.target()));
    out.println();
    traceSection(out, trace);
  }

  private static void traceSection(PrintWriter out, Trace trace) {
    out.println("<details><summary>Observed on " + html(trace.target()) + " (every transaction rolled back)</summary>");
    out.println();
    for (MigrationTrace m : trace.migrations()) {
      out.println("`" + escape(m.file()) + "`");
      out.println();
      out.println("| line | observed | lock model | ms |");
      out.println("| ---: | --- | --- | ---: |");
      for (StatementTrace s : m.statements()) {
        if (s instanceof ObservedStatement o) {
          out.println("| " + o.line() + " | " + escape(o.failed() ? "failed: " + o.error() : TraceRendering.observed(o))
              + " | " + escape(TraceRendering.predicted(o)) + " | " + o.durationMs() + " |");
        } else {
          out.println("| " + s.line() + " | not traced: " + escape(((UntracedStatement) s).reason()) + " | | |");
        }
      }
      out.println();
      for (Finding f : m.findings()) {
        out.println("**" + f.severity() + "** `" + f.rule() + "` at line " + f.line() + ": " + escape(f.message()));
        out.println();
      }
    }
    out.println("</details>");
    out.println();
  }

  private static void details(PrintWriter out, String title, List<Finding> findings, MigrationReview m) {
    out.println("<details><summary><code>" + html(title) + "</code>: " + findings.size() + " finding"
        + (findings.size() == 1 ? "" : "s") + "</summary>");
    out.println();
    SourceLines lines = m == null ? null : SourceLines.of(m);
    java.util.Set<String> estimated = new java.util.HashSet<>();
    for (Finding f : findings) {
      out.println("**" + f.severity() + "** `" + f.rule() + "` at line " + f.line() + ": " + escape(f.message()));
      out.println();
      if (lines != null) {
        String line = lines.line(f.line());
        if (!line.isEmpty()) {
          out.println("```sql");
          out.println(line);
          out.println("```");
          out.println();
        }
      }
      if (m != null && !f.locks().isEmpty() && estimated.add(f.line() + ":" + f.column())) {
        List<String> estimate = m.estimateOf(f).map(EstimateText::statement).orElse(List.of());
        for (String line : estimate) {
          out.println("- " + escape(line));
        }
        if (!estimate.isEmpty()) {
          out.println();
        }
      }
      out.println("> " + escape(f.why()));
      out.println();
      if (f.suggestion() != null) {
        out.println("Instead:");
        out.println();
        out.println("```sql");
        out.println(f.suggestion());
        out.println("```");
        out.println();
      }
    }
    out.println("</details>");
    out.println();
  }

  private static String badge(Verdict v) {
    return switch (v) {
      case SAFE -> "🟢";
      case WARNING -> "🟡";
      case BLOCKED -> "🔴";
    };
  }

  /** Markdown table cells and text must not break on pipes or stray markup. */
  private static String escape(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  private static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
