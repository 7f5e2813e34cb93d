package io.migrationsafety.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.sql.SqlSplitter;
import io.migrationsafety.suppression.ScriptSuppressions;
import io.migrationsafety.suppression.SuppressionParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code docs/policy.md} and the loader describe the same keys, and its examples work. */
class PolicyDocsTest {

  private static final Pattern KEY_HEADING = Pattern.compile("(?m)^### `([^`]+)`$");
  private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```$");
  private static final Pattern BACKTICKED_DEFAULT = Pattern.compile("(?m)^- \\*\\*Default:\\*\\* `([^`]+)`$");
  private static final List<String> FIELDS = List.of(
      "- **Type:** ", "- **Default:** ", "- **CLI flag:** ", "- **Environment variable:** ", "- **Builder method:** ");

  private static String doc;
  private static Map<String, String> keySections;

  @BeforeAll
  static void readDoc() throws IOException {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.exists(dir.resolve("docs/policy.md"))) {
      dir = dir.getParent();
      assertThat(dir).as("docs/policy.md above the working directory").isNotNull();
    }
    doc = Files.readString(dir.resolve("docs/policy.md"));
    String keys = doc.substring(doc.indexOf("\n## Keys\n"), doc.indexOf("\n## ", doc.indexOf("\n## Keys\n") + 1));
    keySections = new LinkedHashMap<>();
    Matcher m = KEY_HEADING.matcher(keys);
    List<Integer> starts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    while (m.find()) {
      starts.add(m.start());
      names.add(m.group(1));
    }
    for (int i = 0; i < names.size(); i++) {
      int end = i + 1 < names.size() ? starts.get(i + 1) : keys.length();
      String previous = keySections.put(names.get(i), keys.substring(starts.get(i), end));
      assertThat(previous).as("key %s documented once", names.get(i)).isNull();
    }
  }

  @Test
  void every_key_the_loader_accepts_is_documented_and_nothing_else() {
    List<String> loaderKeys = Arrays.stream(PolicyKey.values()).map(PolicyKey::path).collect(Collectors.toList());

    assertThat(keySections.keySet()).containsExactlyElementsOf(loaderKeys);
  }

  @Test
  void every_key_says_its_type_default_flag_environment_variable_and_builder_method() {
    keySections.forEach((key, section) -> {
      for (String field : FIELDS) {
        assertThat(section.split(Pattern.quote(field), -1)).as("%s in the section of %s", field, key).hasSize(2);
      }
    });
  }

  @Test
  void every_key_has_a_yaml_example_that_the_loader_accepts() {
    keySections.forEach((key, section) -> {
      List<String> examples = fenced(section, "yaml");
      assertThat(examples).as("yaml example of %s", key).isNotEmpty();
      examples.forEach(yaml -> PolicyLoader.parse(yaml, "docs/policy.md " + key));
    });
  }

  @Test
  void every_default_written_as_a_value_is_the_loaders_default() {
    keySections.forEach((key, section) -> {
      Matcher m = BACKTICKED_DEFAULT.matcher(section);
      if (!m.find() || key.contains("<")) {
        return;
      }
      String[] path = key.split("\\.");
      StringBuilder yaml = new StringBuilder();
      for (int i = 0; i < path.length; i++) {
        yaml.append("  ".repeat(i)).append(path[i]).append(':').append(i + 1 < path.length ? "\n" : " " + m.group(1));
      }
      assertThat(PolicyLoader.parse(yaml.toString(), "default of " + key).policy()).as(yaml.toString())
          .isEqualTo(Policy.defaults());
    });
  }

  @Test
  void every_yaml_block_on_the_page_is_a_valid_policy() {
    List<String> blocks = fenced(doc, "yaml");

    assertThat(blocks.size()).isGreaterThan(keySections.size());
    blocks.forEach(yaml -> PolicyLoader.parse(yaml, "docs/policy.md"));
  }

  @Test
  void every_sql_example_holds_well_formed_suppressions() {
    List<String> blocks = fenced(doc, "sql");

    assertThat(blocks).isNotEmpty();
    for (String sql : blocks) {
      ScriptSuppressions suppressions = ScriptSuppressions.of(SqlSplitter.split(sql, "docs").statements());
      assertThat(suppressions.problems()).as(sql).isEmpty();
      assertThat(suppressions.all()).as(sql).isNotEmpty();
    }
  }

  @Test
  void the_suppression_form_on_the_page_is_the_one_the_parser_shows() {
    assertThat(doc).contains("\n" + SuppressionParser.IGNORE_FORM + "\n");
    assertThat(doc).contains("migration-safety:ignore-file");
  }

  private static List<String> fenced(String text, String language) {
    List<String> blocks = new ArrayList<>();
    Matcher m = FENCE.matcher(text);
    while (m.find()) {
      if (m.group(1).equals(language)) {
        blocks.add(m.group(2));
      }
    }
    return blocks;
  }
}
