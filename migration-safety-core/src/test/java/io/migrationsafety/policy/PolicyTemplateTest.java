package io.migrationsafety.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.QualifiedName;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PolicyTemplateTest {

  /** Example lines in the template start with "#  ": removing the "#" makes them live. */
  private static final Pattern EXAMPLE = Pattern.compile("(?m)^#(  \\S)");

  @Test
  void the_template_parses_to_exactly_the_defaults() {
    LoadedPolicy loaded = PolicyLoader.parse(PolicyTemplate.text(), PolicyTemplate.FILE_NAME);

    assertThat(loaded.policy()).isEqualTo(Policy.defaults());
    assertThat(loaded.ruleLocations()).isEmpty();
  }

  @Test
  void the_template_shows_every_key_the_loader_accepts() {
    String text = PolicyTemplate.text();

    for (PolicyKey key : PolicyKey.values()) {
      assertThat(text).as("key %s", key.path()).containsPattern("(?m)[ {]" + key.key() + ":|^" + key.key() + ":");
    }
  }

  @Test
  void the_examples_in_the_template_work_once_uncommented() {
    String uncommented = EXAMPLE.matcher(PolicyTemplate.text()).replaceAll("$1");

    Policy policy = PolicyLoader.parse(uncommented, PolicyTemplate.FILE_NAME).policy();

    assertThat(policy.rules()).containsOnlyKeys("require-concurrent-index", "adding-not-null-column");
    assertThat(policy.tableSizes()).containsOnlyKeys(
        QualifiedName.of("public", "orders"), QualifiedName.of("public", "audit_log"));
  }

  @Test
  void the_template_is_plain_ascii_so_any_editor_keeps_it_intact() {
    assertThat(PolicyTemplate.text()).matches("[\\x09\\x0A\\x20-\\x7E]*");
  }
}
