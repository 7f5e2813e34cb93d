package io.migrationsafety.report;

import io.migrationsafety.Review;
import io.migrationsafety.trace.Trace;
import java.io.PrintWriter;

/** The ways a review can be written out. */
public enum ReportFormat {
  /** For a terminal: file:line, the offending SQL line, what is wrong, what to do instead. */
  TEXT("text"),
  /** The JSON contract of {@code DESIGN.md}. */
  JSON("json"),
  /** A pull-request comment. */
  MARKDOWN("markdown"),
  /** SARIF 2.1.0, for code-scanning services. */
  SARIF("sarif"),
  /** JUnit XML, for CI servers' test reports: a migration that blocks is a failed test. */
  JUNIT("junit");

  private final String id;

  ReportFormat(String id) {
    this.id = id;
  }

  /** The name used on the command line. */
  public String id() {
    return id;
  }

  /** The format called {@code id}. */
  public static ReportFormat fromId(String id) {
    for (ReportFormat f : values()) {
      if (f.id.equals(id)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown report format '" + id + "'");
  }

  /** Writes {@code review} to {@code out}; {@code colour} only matters for text. */
  public void write(Review review, PrintWriter out, boolean colour) {
    write(review, null, out, colour);
  }

  /**
   * Writes {@code review} with what tracing it on PostgreSQL showed: per statement the observed
   * locks next to the predicted ones ({@code trace} may be null: no trace).
   */
  public void write(Review review, Trace trace, PrintWriter out, boolean colour) {
    switch (this) {
      case TEXT -> new TextReport(colour).write(review, trace, out);
      case JSON -> JsonReport.write(review, trace, out);
      case MARKDOWN -> MarkdownReport.write(review, trace, out);
      case SARIF -> SarifReport.write(review, out);
      case JUNIT -> JunitReport.write(review, out);
    }
    out.flush();
  }

  /** Whether a trace can be written in this format: SARIF and JUnit report reviews only. */
  public boolean writesTraces() {
    return this != SARIF && this != JUNIT;
  }

  /**
   * Writes a trace on its own ({@code migration-safety trace}).
   *
   * @throws IllegalArgumentException for SARIF and JUnit, which report reviews only
   */
  public void write(Trace trace, PrintWriter out, boolean colour) {
    switch (this) {
      case TEXT -> new TextReport(colour).write(trace, out);
      case JSON -> JsonReport.write(trace, out);
      case MARKDOWN -> MarkdownReport.write(trace, out);
      case SARIF, JUNIT -> throw new IllegalArgumentException("a trace is written as text, json or markdown, not " + id);
    }
    out.flush();
  }
}
