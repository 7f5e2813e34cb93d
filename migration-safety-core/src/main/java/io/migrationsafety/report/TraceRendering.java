package io.migrationsafety.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migrationsafety.lock.LockEffect;
import io.migrationsafety.lock.LockMode;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.trace.MigrationTrace;
import io.migrationsafety.trace.ObservedLock;
import io.migrationsafety.trace.ObservedStatement;
import io.migrationsafety.trace.StatementTrace;
import io.migrationsafety.trace.UntracedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a migration's trace is written in every report: observed locks next to the predicted ones,
 * rewrites and time per statement, or why a statement was not traced.
 */
final class TraceRendering {

  private TraceRendering() {}

  /** The {@code trace} array of the JSON contract, one entry per statement. */
  static void json(ArrayNode array, MigrationTrace trace) {
    for (StatementTrace statement : trace.statements()) {
      ObjectNode node = array.addObject();
      node.put("line", statement.line());
      node.put("sql", statement.sql());
      node.put("traced", statement.traced());
      if (statement instanceof UntracedStatement untraced) {
        node.put("reason", untraced.reason());
        continue;
      }
      ObservedStatement observed = (ObservedStatement) statement;
      ArrayNode locks = node.putArray("locks");
      for (ObservedLock lock : observed.locks()) {
        ObjectNode l = locks.addObject();
        l.put("relation", lock.relation().sql());
        l.put("mode", lock.mode().sqlName());
        l.put("kind", lock.kind().name());
      }
      ArrayNode rewrites = node.putArray("rewrites");
      observed.rewrites().forEach(r -> rewrites.add(r.sql()));
      ArrayNode created = node.putArray("created");
      observed.created().forEach(r -> created.add(r.sql()));
      node.put("durationMs", observed.durationMs());
      node.put("sampled", observed.sampled());
      if (observed.failed()) {
        node.put("error", observed.error());
      }
      if (observed.predictionKnown()) {
        ArrayNode predicted = node.putArray("predicted");
        for (LockEffect effect : observed.predicted()) {
          ObjectNode p = predicted.addObject();
          p.put("relation", effect.relation().sql());
          p.put("mode", effect.mode().sqlName());
          p.put("rewrite", effect.rewrite());
        }
      } else {
        node.putNull("predicted");
      }
    }
  }

  /** One line per statement for a terminal, without the SQL: {@code line 4  observed … · model …}. */
  static List<String> lines(MigrationTrace trace) {
    return trace.statements().stream().map(TraceRendering::line).toList();
  }

  private static String line(StatementTrace statement) {
    String at = "line " + statement.line() + "  ";
    if (statement instanceof UntracedStatement untraced) {
      return at + "not traced: " + untraced.reason();
    }
    ObservedStatement o = (ObservedStatement) statement;
    if (o.failed()) {
      return at + "failed on the server: " + o.error() + " · model " + predicted(o);
    }
    StringBuilder sb = new StringBuilder(at).append("observed ").append(observed(o));
    sb.append(" · model ").append(predicted(o));
    sb.append(" · ").append(o.durationMs()).append(" ms");
    if (o.sampled()) {
      sb.append(" (sampled outside a transaction)");
    }
    return sb.toString();
  }

  /**
   * The observed locks and rewrites in words; a lock its transaction already held in a stronger
   * mode (from an earlier statement) is shown as held, since the statement ran under it.
   */
  static String observed(ObservedStatement o) {
    List<String> parts = new ArrayList<>();
    for (ObservedLock l : o.locks()) {
      String rewritten = o.rewrites().contains(l.relation()) ? " (rewritten)" : "";
      parts.add(heldMode(o, l.relation()).filter(m -> m.compareTo(l.mode()) > 0)
          .map(m -> m.sqlName() + " " + l.relation().sql() + " (held since an earlier statement)" + rewritten)
          .orElse(l.mode().sqlName() + " " + l.relation().sql() + rewritten));
    }
    for (LockEffect p : o.predicted()) {
      if (o.locks().stream().noneMatch(l -> l.relation().equals(p.relation()))) {
        heldMode(o, p.relation()).ifPresent(m -> parts.add(m.sqlName() + " " + p.relation().sql()
            + " (held since an earlier statement)"));
      }
    }
    if (parts.isEmpty()) {
      return o.rewrites().isEmpty() ? "no lock on an existing relation" : "rewrites " + o.rewrites();
    }
    return String.join(", ", parts);
  }

  private static Optional<LockMode> heldMode(ObservedStatement o,
      QualifiedName relation) {
    return o.held().stream().filter(h -> h.relation().equals(relation)).map(ObservedLock::mode).findFirst();
  }

  /** The predicted locks in words. */
  static String predicted(ObservedStatement o) {
    if (!o.predictionKnown()) {
      return "cannot tell";
    }
    if (o.predicted().isEmpty()) {
      return "no lock";
    }
    return o.predicted().stream()
        .map(e -> e.mode().sqlName() + " " + e.relation().sql() + (e.rewrite() ? " (rewritten)" : ""))
        .collect(Collectors.joining(", "));
  }
}
