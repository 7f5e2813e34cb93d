package io.migrationsafety.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.sql.SqlSplitter;
import io.migrationsafety.sql.SqlStatement;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever follows the marker, a directive is either a well-formed suppression or a problem, never lost. */
class SuppressionParserPropertiesTest {

  @Property(tries = 500)
  void every_directive_is_a_suppression_or_a_problem(@ForAll("directiveText") String rest) {
    String sql = "-- migration-safety:" + rest.replace("\n", " ") + "\nSELECT 1;";
    List<SqlStatement> statements = SqlSplitter.split(sql, "V1.sql").statements();

    Suppressions found = SuppressionParser.parse(statements.get(0));

    assertThat(found.suppressions().size() + found.problems().size()).isEqualTo(1);
    for (Suppression s : found.suppressions()) {
      assertThat(s.ruleIds()).allMatch(id -> id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"));
      assertThat(s.reason()).isNotBlank().doesNotStartWith(" ");
    }
    for (SuppressionProblem p : found.problems()) {
      assertThat(p.message()).contains("the form is").contains("migration-safety:ignore");
      assertThat(p.position().line()).isEqualTo(1);
      assertThat(p.position().column()).isEqualTo(4);
    }
  }

  @Provide
  Arbitrary<String> directiveText() {
    Arbitrary<String> noise = Arbitraries.strings().withChars(" ,-_:aZz09é*/".toCharArray()).ofMaxLength(20);
    Arbitrary<String> word = Arbitraries.of("ignore", "ignore-file", "ignore ", "ignore a-rule", "ignore a-rule,b ",
        "ignore-file x ", "Ignore", "disable ");
    return Combinators.combine(word, noise).as(String::concat);
  }
}
