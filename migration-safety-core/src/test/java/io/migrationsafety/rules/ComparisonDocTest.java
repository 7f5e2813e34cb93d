package io.migrationsafety.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rule.Rule;
import io.migrationsafety.rule.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Holds docs/comparison.md to the registry: every rule it links exists, every rule of the registry
 * appears in it, and the coverage figure it states is the count of its own table.
 */
class ComparisonDocTest {

  private static final Path COMPARISON = Path.of("..", "docs", "comparison.md");
  private static final Pattern LINK = Pattern.compile("\\[`([a-z0-9-]+)`]\\(rules/([a-z0-9-]+)\\.md\\)");
  private static final Pattern FIGURE = Pattern.compile("Covered here: (\\d+) of (\\d+) hazards");

  private final RuleRegistry registry = RuleRegistry.builtIn();

  @Test
  void every_linked_rule_exists_and_every_rule_is_linked() throws IOException {
    String page = Files.readString(COMPARISON);
    Set<String> linked = new TreeSet<>();
    Matcher m = LINK.matcher(page);
    while (m.find()) {
      assertThat(m.group(2)).as("link text and target agree").isEqualTo(m.group(1));
      linked.add(m.group(1));
    }
    Set<String> ids = registry.all().stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
    assertThat(ids).as("rules of the registry that comparison.md links").containsAll(linked);
    assertThat(linked).as("rules that comparison.md links").containsAll(ids);
  }

  @Test
  void the_coverage_figure_counts_the_table() throws IOException {
    List<String> rows = Files.readAllLines(COMPARISON).stream()
        .filter(l -> l.startsWith("| ") && !l.startsWith("| hazard") && !l.startsWith("| ---")).toList();
    long covered = rows.stream().filter(r -> !r.split("\\|")[2].strip().equals("—")).count();
    for (String row : rows) {
      assertThat(row.split("\\|", -1)).as("a row with six cells: %s", row).hasSize(8);
    }
    Matcher figure = FIGURE.matcher(Files.readString(COMPARISON));
    assertThat(figure.find()).as("comparison.md states its coverage").isTrue();
    assertThat(Long.parseLong(figure.group(1))).as("hazards covered").isEqualTo(covered);
    assertThat(Integer.parseInt(figure.group(2))).as("hazards in the table").isEqualTo(rows.size());
  }
}
