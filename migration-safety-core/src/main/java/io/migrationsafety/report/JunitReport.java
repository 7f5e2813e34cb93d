package io.migrationsafety.report;

import io.migrationsafety.MigrationReview;
import io.migrationsafety.Review;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.Severity;
import java.io.PrintWriter;
import java.util.List;

/**
 * JUnit XML, the test-report format CI servers (Jenkins, GitLab, Azure Pipelines) show: one test
 * case per migration, plus one for findings about the set as a whole when there are any. A case
 * fails when a finding in it blocks; the other findings are listed in its output, so a warning is
 * visible without failing the build.
 */
final class JunitReport {

  private JunitReport() {}

  static void write(Review review, PrintWriter out) {
    int cases = review.migrations().size() + (review.setFindings().isEmpty() ? 0 : 1);
    long failures = review.migrations().stream().filter(m -> blocks(m.findings())).count()
        + (blocks(review.setFindings()) ? 1 : 0);
    out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    out.println("<testsuites name=\"migration-safety\" tests=\"" + cases + "\" failures=\"" + failures + "\">");
    out.println("  <testsuite name=\"" + attr(review.directory().toString()) + "\" tests=\"" + cases
        + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\"0\">");
    if (!review.setFindings().isEmpty()) {
      testCase(out, review.format(), "migration set", review.setFindings());
    }
    for (MigrationReview m : review.migrations()) {
      testCase(out, review.format(), m.file(), m.findings());
    }
    out.println("  </testsuite>");
    out.println("</testsuites>");
  }

  private static void testCase(PrintWriter out, String format, String name, List<Finding> findings) {
    out.println("    <testcase classname=\"" + attr(format) + "\" name=\"" + attr(name) + "\">");
    List<Finding> blocking = findings.stream().filter(f -> f.severity() == Severity.BLOCKED).toList();
    if (!blocking.isEmpty()) {
      Finding first = blocking.get(0);
      out.println("      <failure type=\"" + attr(first.rule()) + "\" message=\"" + attr(first.file() + ":" + first.line()
          + ": " + first.message() + (blocking.size() > 1 ? " (and " + (blocking.size() - 1) + " more)" : ""))
          + "\">" + text(describe(blocking)) + "</failure>");
    }
    List<Finding> others = findings.stream().filter(f -> f.severity() != Severity.BLOCKED).toList();
    if (!others.isEmpty()) {
      out.println("      <system-out>" + text(describe(others)) + "</system-out>");
    }
    out.println("    </testcase>");
  }

  private static boolean blocks(List<Finding> findings) {
    return findings.stream().anyMatch(f -> f.severity() == Severity.BLOCKED);
  }

  private static String describe(List<Finding> findings) {
    StringBuilder sb = new StringBuilder();
    for (Finding f : findings) {
      sb.append(f.severity()).append(' ').append(f.rule()).append(" at ").append(f.file()).append(':')
          .append(f.line()).append(':').append(f.column()).append('\n')
          .append("  ").append(f.message()).append('\n')
          .append("  why: ").append(f.why()).append('\n');
      if (f.suggestion() != null) {
        sb.append("  instead:\n");
        f.suggestion().lines().forEach(l -> sb.append("    ").append(l).append('\n'));
      }
    }
    return sb.toString();
  }

  /** Escapes text for an XML attribute, dropping characters XML 1.0 cannot hold. */
  private static String attr(String s) {
    return text(s).replace("\"", "&quot;").replace("\n", "&#10;");
  }

  private static String text(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        default -> {
          if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
              || c >= 0x10000) {
            sb.appendCodePoint(c);
          }
        }
      }
    });
    return sb.toString();
  }
}
