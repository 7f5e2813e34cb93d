package io.migrationsafety.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migrationsafety.Version;
import io.migrationsafety.execute.ExecutionFailure;
import io.migrationsafety.execute.ExecutionResult;
import io.migrationsafety.execute.Leftover;
import io.migrationsafety.execute.LockHold;
import io.migrationsafety.execute.MigrationRun;
import io.migrationsafety.execute.Retry;
import io.migrationsafety.execute.StatementRun;
import java.io.PrintWriter;

/** The summary of {@code execute --format json}, for CI: what ran, retries, locks held, the failure. */
final class ExecutionJson {

  private ExecutionJson() {}

  static void write(ExecutionResult result, PrintWriter out) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("tool", "migration-safety");
    root.put("version", Version.get());
    root.put("target", result.target());
    root.put("verdict", result.review().verdict().name());
    if (result.overrideReason() != null) {
      root.put("overrideReason", result.overrideReason());
    }
    root.put("succeeded", result.succeeded());
    ArrayNode applied = root.putArray("alreadyApplied");
    result.alreadyApplied().forEach(applied::add);
    ArrayNode migrations = root.putArray("migrations");
    for (MigrationRun run : result.migrations()) {
      ObjectNode m = migrations.addObject();
      m.put("file", run.file());
      m.put("id", run.id());
      m.put("transactional", run.transactional());
      m.put("applied", run.applied());
      m.put("attempts", run.attempts());
      m.put("durationMs", run.elapsed().toMillis());
      ArrayNode statements = m.putArray("statements");
      for (StatementRun s : run.statements()) {
        ObjectNode node = statements.addObject();
        node.put("line", s.line());
        node.put("sql", s.sql());
        node.put("durationMs", s.elapsed().toMillis());
        node.put("attempt", s.attempt());
      }
      ArrayNode retries = m.putArray("retries");
      for (Retry r : run.retries()) {
        ObjectNode node = retries.addObject();
        node.put("line", r.line());
        node.put("attempt", r.attempt());
        node.put("backoffMs", r.backoff().toMillis());
        node.put("message", r.message());
      }
      ArrayNode locks = m.putArray("locks");
      for (LockHold hold : run.locks()) {
        ObjectNode node = locks.addObject();
        node.put("relation", hold.relation().toString());
        node.put("mode", hold.mode().sqlName());
        node.put("line", hold.line());
        node.put("heldMs", hold.held().toMillis());
      }
    }
    result.stoppedBy().ifPresent(f -> root.set("failure", failure(json, f)));
    out.println(root.toPrettyString());
  }

  private static ObjectNode failure(ObjectMapper json, ExecutionFailure failure) {
    ObjectNode node = json.createObjectNode();
    node.put("kind", failure.kind().name());
    node.put("file", failure.file());
    node.put("line", failure.line());
    node.put("sql", failure.sql());
    node.put("sqlState", failure.sqlState());
    node.put("message", failure.message());
    node.put("rolledBack", failure.rolledBack());
    ArrayNode committed = node.putArray("committedLines");
    failure.committed().forEach(committed::add);
    ArrayNode leftovers = node.putArray("leftovers");
    for (Leftover left : failure.leftovers()) {
      ObjectNode l = leftovers.addObject();
      l.put("what", left.what());
      l.put("check", left.check());
      l.put("cleanup", left.cleanup());
    }
    return node;
  }
}
