package io.migrationsafety.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.MigrationSafety;
import io.migrationsafety.Review;
import io.migrationsafety.Verdict;
import io.migrationsafety.rule.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule's page examples, traced on the embedded PostgreSQL: the unsafe one disagrees, the safe one not. */
class LockModelDisagreementTest {

  private static final Pattern BLOCK = Pattern.compile("```sql (unsafe|safe|schema)\\R(.*?)```", Pattern.DOTALL);

  @TempDir
  Path dir;

  @Test
  void the_page_examples_do_what_the_page_says_when_traced() throws Exception {
    String page = Files.readString(Path.of("..", "docs", "rules", "lock-model-disagreement.md"));
    Map<String, String> blocks = new HashMap<>();
    Matcher m = BLOCK.matcher(page);
    while (m.find()) {
      blocks.put(m.group(1), m.group(2));
    }
    Files.writeString(dir.resolve("V1__schema.sql"), blocks.get("schema"));
    Files.writeString(dir.resolve("V2__safe.sql"), blocks.get("safe"));
    Files.writeString(dir.resolve("V3__unsafe.sql"), blocks.get("unsafe"));

    Trace trace = MigrationSafety.tracer().build().trace(dir);

    assertThat(trace.migration("V1__schema.sql").orElseThrow().findings()).isEmpty();
    assertThat(trace.migration("V2__safe.sql").orElseThrow().findings()).isEmpty();
    assertThat(trace.migration("V3__unsafe.sql").orElseThrow().findings()).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("lock-model-disagreement");
      assertThat(f.line()).isEqualTo(1);
      assertThat(f.message()).contains("public.people: server ACCESS EXCLUSIVE, model nothing");
      assertThat(f.locks()).extracting(l -> l.relation() + " " + l.mode()).contains("public.people ACCESS EXCLUSIVE");
    });

    Review review = MigrationSafety.builder().postgresVersion(trace.postgresVersion()).build().review(dir);
    Review traced = trace.addTo(review);
    assertThat(traced.migrations().get(2).findings()).extracting(Finding::rule).contains("lock-model-disagreement");
    assertThat(traced.migrations().get(2).verdict()).isNotEqualTo(Verdict.SAFE);
  }
}
