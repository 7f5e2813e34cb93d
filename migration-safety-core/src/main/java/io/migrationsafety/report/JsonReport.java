package io.migrationsafety.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migrationsafety.Review;
import io.migrationsafety.MigrationReview;
import io.migrationsafety.Version;
import io.migrationsafety.estimate.LockHold;
import io.migrationsafety.estimate.StatementEstimate;
import java.util.Optional;
import io.migrationsafety.format.NaturalOrder;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.LockNote;
import io.migrationsafety.trace.MigrationTrace;
import io.migrationsafety.trace.Trace;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON report, exactly as the contract in {@code DESIGN.md} names its fields (fields may be
 * added, never renamed): tool, version, verdict, and per migration its file, id, verdict,
 * statement counts and findings with rule, severity, position, message, why, suggestion and locks.
 */
final class JsonReport {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  static void write(Review review, Trace trace, PrintWriter out) {
    ObjectNode root = JSON.createObjectNode();
    root.put("tool", "migration-safety");
    root.put("version", Version.get());
    root.put("verdict", review.verdict().name());
    root.put("format", review.format());
    root.put("postgresVersion", review.postgresVersion());
    if (review.applied().known()) {
      ObjectNode history = root.putObject("history");
      history.put("source", review.applied().source());
      ArrayNode applied = history.putArray("applied");
      review.applied().applied().stream().sorted(NaturalOrder.INSTANCE).forEach(applied::add);
    }
    ArrayNode migrations = root.putArray("migrations");
    for (MigrationReview m : review.migrations()) {
      ObjectNode node = migrations.addObject();
      node.put("file", m.file());
      node.put("id", m.migration().id());
      node.put("verdict", m.verdict().name());
      node.put("statements", m.statements());
      node.put("unrecognized", m.unrecognized());
      estimate(node.putObject("estimate"), m.estimate().durationMs(), m.estimate().lockMs(), m.estimate().upperBound());
      findings(node.putArray("findings"), m.findings(), m);
      if (trace != null) {
        trace.migration(m.file()).ifPresent(t -> TraceRendering.json(node.putArray("trace"), t));
      }
    }
    findings(root.putArray("findings"), review.setFindings(), null);
    if (trace != null) {
      root.put("traceTarget", trace.target());
    }
    print(root, out);
  }

  /** A trace on its own: per migration its {@code trace} array and its disagreement findings. */
  static void write(Trace trace, PrintWriter out) {
    ObjectNode root = JSON.createObjectNode();
    root.put("tool", "migration-safety");
    root.put("version", Version.get());
    root.put("postgresVersion", trace.postgresVersion());
    root.put("traceTarget", trace.target());
    ArrayNode migrations = root.putArray("migrations");
    for (MigrationTrace m : trace.migrations()) {
      ObjectNode node = migrations.addObject();
      node.put("file", m.file());
      node.put("id", m.id());
      TraceRendering.json(node.putArray("trace"), m);
      findings(node.putArray("findings"), m.findings(), null);
    }
    print(root, out);
  }

  private static void print(ObjectNode root, PrintWriter out) {
    try {
      out.println(JSON.writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void estimate(ObjectNode node, Long durationMs, Long lockMs, boolean upperBound) {
    if (durationMs == null) {
      node.putNull("durationMs");
    } else {
      node.put("durationMs", durationMs);
    }
    if (lockMs == null) {
      node.putNull("lockMs");
    } else {
      node.put("lockMs", lockMs);
    }
    node.put("upperBound", upperBound);
  }

  private static void findings(ArrayNode array, List<Finding> findings, MigrationReview migration) {
    for (Finding f : findings) {
      ObjectNode node = array.addObject();
      node.put("rule", f.rule());
      node.put("severity", f.severity().name());
      node.put("file", f.file());
      node.put("line", f.line());
      node.put("column", f.column());
      node.put("message", f.message());
      node.put("why", f.why());
      if (f.suggestion() == null) {
        node.putNull("suggestion");
      } else {
        node.put("suggestion", f.suggestion());
      }
      Optional<StatementEstimate> statement = migration == null || f.locks().isEmpty() ? Optional.empty()
          : migration.estimateOf(f);
      ArrayNode locks = node.putArray("locks");
      for (LockNote lock : f.locks()) {
        ObjectNode l = locks.addObject();
        l.put("relation", lock.relation());
        l.put("mode", lock.mode());
        l.put("rewrite", lock.rewrite());
        statement.flatMap(s -> s.holds().stream().filter(h -> h.relation().equals(lock.relation())).findFirst())
            .ifPresent(h -> {
              if (h.lockMs() == null) {
                l.putNull("lockMs");
              } else {
                l.put("lockMs", h.lockMs());
              }
            });
      }
      statement.ifPresent(s -> {
        ObjectNode e = node.putObject("estimate");
        estimate(e, s.estimate().durationMs(), s.lockMs(), s.estimate().upperBound()
            || s.holds().stream().anyMatch(LockHold::upperBound));
        e.put("basis", s.estimate().basis());
      });
    }
  }
}
