package io.migrationsafety.policy;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the text, the loader answers with a policy or a {@link PolicyException}, never anything else. */
class PolicyLoaderPropertiesTest {

  private static final String YAML_CHARS = " \n\t:-{}[],'\"#!&*?|>%@`~<._0123456789abcdefglnorstuvwxyz";

  @Property(tries = 400)
  void any_text_gives_a_policy_or_a_policy_exception_inside_the_text(@ForAll("yamlish") String text) {
    check(text);
  }

  @Property(tries = 400)
  void a_damaged_template_gives_a_policy_or_a_policy_exception_inside_the_text(@ForAll("damagedTemplate") String text) {
    check(text);
  }

  private static void check(String text) {
    try {
      assertThat(PolicyLoader.parse(text, "p.yml").policy()).isNotNull();
    } catch (PolicyException e) {
      e.location().ifPresent(at -> assertThat(at.line()).isBetween(1, text.split("\n", -1).length + 1));
    }
  }

  @Provide
  Arbitrary<String> yamlish() {
    return Arbitraries.strings().withChars(YAML_CHARS.toCharArray()).ofMaxLength(120);
  }

  @Provide
  Arbitrary<String> damagedTemplate() {
    String template = PolicyTemplate.text().replaceAll("(?m)^#(  \\S)", "$1");
    Arbitrary<Integer> at = Arbitraries.integers().between(0, template.length() - 1);
    Arbitrary<Integer> cut = Arbitraries.integers().between(0, 12);
    Arbitrary<String> insert = Arbitraries.strings().withChars(YAML_CHARS.toCharArray()).ofMaxLength(6);
    return Combinators.combine(at, cut, insert).as((position, length, text) ->
        template.substring(0, position) + text + template.substring(Math.min(template.length(), position + length)));
  }
}
