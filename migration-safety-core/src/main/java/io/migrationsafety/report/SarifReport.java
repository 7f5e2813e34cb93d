package io.migrationsafety.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migrationsafety.Review;
import io.migrationsafety.Version;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.LockNote;
import io.migrationsafety.rule.Rule;
import io.migrationsafety.rule.RuleRegistry;
import io.migrationsafety.rule.Severity;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SARIF 2.1.0, the format code-scanning services (GitHub, GitLab, Azure DevOps) read: one run, the
 * rules that found something as its driver's rules, one result per finding with its file, line and
 * column relative to where the review ran. BLOCKED is {@code error}, WARNING {@code warning}, INFO
 * {@code note}; the why, the suggestion and the locks go in each result's properties.
 */
final class SarifReport {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private SarifReport() {}

  static void write(Review review, PrintWriter out) {
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "migration-safety");
    driver.put("version", Version.get());
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    RuleRegistry builtIn = RuleRegistry.builtIn();
    ArrayNode results = run.putArray("results");
    for (Finding f : review.findings()) {
      Integer index = ruleIndex.get(f.rule());
      if (index == null) {
        index = ruleIndex.size();
        ruleIndex.put(f.rule(), index);
        rule(rules.addObject(), f.rule(), builtIn);
      }
      result(results.addObject(), f, index, review.directory());
    }
    try {
      out.println(JSON.writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void rule(ObjectNode node, String id, RuleRegistry builtIn) {
    node.put("id", id);
    var known = builtIn.find(id);
    if (known.isPresent()) {
      Rule rule = known.get();
      node.putObject("shortDescription").put("text", rule.metadata().summary());
      node.put("helpUri", rule.metadata().docsPath());
      node.putObject("defaultConfiguration").put("level", level(rule.metadata().defaultSeverity()));
    }
  }

  private static void result(ObjectNode node, Finding f, int ruleIndex, Path directory) {
    node.put("ruleId", f.rule());
    node.put("ruleIndex", ruleIndex);
    node.put("level", level(f.severity()));
    node.putObject("message").put("text", f.message());
    ObjectNode location = node.putArray("locations").addObject().putObject("physicalLocation");
    location.putObject("artifactLocation").put("uri", uri(directory, f.file()));
    ObjectNode region = location.putObject("region");
    region.put("startLine", Math.max(1, f.line()));
    region.put("startColumn", Math.max(1, f.column()));
    ObjectNode properties = node.putObject("properties");
    properties.put("severity", f.severity().name());
    properties.put("why", f.why());
    if (f.suggestion() != null) {
      properties.put("suggestion", f.suggestion());
    }
    ArrayNode locks = properties.putArray("locks");
    for (LockNote lock : f.locks()) {
      locks.addObject().put("relation", lock.relation()).put("mode", lock.mode()).put("rewrite", lock.rewrite());
    }
  }

  /** The file as a relative URI from where the review ran: the reviewed directory joined with it. */
  private static String uri(Path directory, String file) {
    Path path = Path.of(file);
    Path full = path.isAbsolute() || path.startsWith(directory) ? path : directory.resolve(path);
    return full.normalize().toString().replace('\\', '/');
  }

  private static String level(Severity severity) {
    return switch (severity) {
      case BLOCKED -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }
}
