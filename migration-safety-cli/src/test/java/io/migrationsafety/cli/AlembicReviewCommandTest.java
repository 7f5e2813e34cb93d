package io.migrationsafety.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An Alembic project reviewed end to end through the command line: {@code examples/alembic-shop}
 * holds the changes of {@code examples/shop} as op.* calls, and must get the same verdicts and
 * findings, in the same JSON report, with files and lines pointing into the Python revisions.
 */
class AlembicReviewCommandTest {

  private static JsonNode review(String directory) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), "review", directory, "--format", "json");
    assertThat(exit).as(err.toString()).isEqualTo(1);
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void an_alembic_project_gets_the_verdicts_and_report_of_its_sql_twin() throws IOException {
    JsonNode alembic = review("../examples/alembic-shop");
    JsonNode sql = review("../examples/shop");

    assertThat(fieldNames(alembic)).isEqualTo(fieldNames(sql));
    assertThat(alembic.get("verdict").asText()).isEqualTo("BLOCKED").isEqualTo(sql.get("verdict").asText());
    assertThat(alembic.get("migrations")).hasSameSizeAs(sql.get("migrations"));
    for (int i = 0; i < sql.get("migrations").size(); i++) {
      JsonNode a = alembic.get("migrations").get(i);
      JsonNode s = sql.get("migrations").get(i);
      assertThat(fieldNames(a)).isEqualTo(fieldNames(s));
      assertThat(a.get("verdict")).isEqualTo(s.get("verdict"));
      assertThat(a.get("statements")).isEqualTo(s.get("statements"));
      assertThat(a.get("unrecognized").asInt()).isZero();
      assertThat(findings(a)).isEqualTo(findings(s));
    }
    JsonNode first = alembic.get("migrations").get(0);
    assertThat(first.get("file").asText()).isEqualTo("versions/a12c0ffee001_order_notes_and_status_index.py");
    assertThat(first.get("id").asText()).isEqualTo("a12c0ffee001");
    JsonNode index = null;
    for (JsonNode finding : first.get("findings")) {
      if (finding.get("rule").asText().equals("require-concurrent-index")) {
        index = finding;
      }
    }
    assertThat(index).as("the require-concurrent-index finding").isNotNull();
    assertThat(index.get("line").asInt()).isEqualTo(18);
    assertThat(index.get("column").asInt()).isEqualTo(5);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    Iterator<String> it = node.fieldNames();
    it.forEachRemaining(names::add);
    return names;
  }

  /** Each finding's rule, severity, message and suggested SQL. */
  private static List<String> findings(JsonNode migration) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : migration.get("findings")) {
      out.add(f.get("rule").asText() + " " + f.get("severity").asText() + " " + f.get("message").asText()
          .replace("CHAR(3)", "char(3)") + " | " + f.path("locks"));
    }
    return out;
  }
}
