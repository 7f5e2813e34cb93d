package io.migrationsafety.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrationsafety.MigrationReview;
import io.migrationsafety.MigrationSafety;
import io.migrationsafety.Review;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.Severity;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SARIF and JUnit XML reports of the blocked example hold every finding, where tools look for it. */
class MachineReportsTest {

  private static final Review REVIEW = MigrationSafety.review(Path.of("..", "examples", "shop"));

  private static String render(ReportFormat format) {
    StringWriter out = new StringWriter();
    format.write(REVIEW, new PrintWriter(out), false);
    return out.toString();
  }

  @Test
  void sarif_has_one_result_per_finding_with_level_location_and_rule() throws Exception {
    JsonNode root = new ObjectMapper().readTree(render(ReportFormat.SARIF));
    assertThat(root.path("version").asText()).isEqualTo("2.1.0");
    JsonNode run = root.path("runs").get(0);
    assertThat(run.path("tool").path("driver").path("name").asText()).isEqualTo("migration-safety");
    JsonNode results = run.path("results");
    assertThat(results).hasSize(REVIEW.findings().size());
    JsonNode rules = run.path("tool").path("driver").path("rules");
    for (int i = 0; i < results.size(); i++) {
      Finding finding = REVIEW.findings().get(i);
      JsonNode result = results.get(i);
      assertThat(result.path("ruleId").asText()).isEqualTo(finding.rule());
      assertThat(rules.get(result.path("ruleIndex").asInt()).path("id").asText()).isEqualTo(finding.rule());
      assertThat(result.path("level").asText())
          .isEqualTo(finding.severity() == Severity.BLOCKED ? "error" : finding.severity() == Severity.WARNING
              ? "warning" : "note");
      JsonNode location = result.path("locations").get(0).path("physicalLocation");
      assertThat(location.path("artifactLocation").path("uri").asText())
          .isEqualTo("../examples/shop/" + finding.file());
      assertThat(location.path("region").path("startLine").asInt()).isEqualTo(finding.line());
    }
    assertThat(rules).allSatisfy(rule -> assertThat(rule.path("helpUri").asText()).startsWith("docs/rules/"));
  }

  @Test
  void junit_fails_exactly_the_blocked_migrations() throws Exception {
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(render(ReportFormat.JUNIT).getBytes(StandardCharsets.UTF_8)));
    NodeList cases = xml.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(REVIEW.migrations().size() + (REVIEW.setFindings().isEmpty() ? 0 : 1));
    long blocked = REVIEW.migrations().stream().filter(m -> m.verdict() == io.migrationsafety.Verdict.BLOCKED).count();
    assertThat(blocked).isPositive();
    assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo((int) blocked);
    for (int i = 0; i < cases.getLength(); i++) {
      Element testCase = (Element) cases.item(i);
      if (testCase.getAttribute("name").equals("migration set")) {
        continue;
      }
      MigrationReview m = REVIEW.migrations().stream().filter(r -> r.file().equals(testCase.getAttribute("name")))
          .findFirst().orElseThrow();
      boolean failed = testCase.getElementsByTagName("failure").getLength() == 1;
      assertThat(failed).as(m.file()).isEqualTo(m.verdict() == io.migrationsafety.Verdict.BLOCKED);
    }
    Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("failures")).isEqualTo(String.valueOf(blocked));
  }
}
