package io.migrationsafety.prisma;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rule.Rule;
import io.migrationsafety.rule.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prisma rules keep the catalog's promises (core's RuleCatalogTest leaves pages marked with a
 * module to that module): registered, id from the class name, a page with the catalog's headings,
 * severity and module, a row in the index, a test class, and examples that do what they say when
 * reviewed as a Prisma migration.
 */
class PrismaRuleCatalogTest {

  private static final Path DOCS = Path.of("..", "docs", "rules");
  private static final List<String> HEADINGS = List.of("## Problem", "## Locks", "## Safe alternative", "## Example");
  private static final Pattern BLOCK = Pattern.compile("```sql (unsafe|safe|schema)\\R(.*?)```", Pattern.DOTALL);

  @TempDir
  Path work;

  private static List<Rule> prismaRules() {
    return RuleRegistry.builtIn().all().stream()
        .filter(r -> r.getClass().getPackageName().equals(PrismaFormat.class.getPackageName())).toList();
  }

  @TestFactory
  Stream<DynamicTest> each_prisma_rule_has_its_page_and_examples() {
    assertThat(prismaRules()).extracting(Rule::id).containsExactly("prisma-enum-swap", "prisma-warnings");
    return prismaRules().stream().map(rule -> DynamicTest.dynamicTest(rule.id(), () -> {
      String kebab = rule.getClass().getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
      assertThat(rule.id()).isEqualTo(kebab);
      assertThat(Path.of("src/test/java", rule.getClass().getName().replace('.', '/') + "Test.java")).exists();
      assertThat(Files.readString(DOCS.resolve("README.md"))).contains("[" + rule.id() + "](" + rule.id() + ".md)");
      String page = Files.readString(DOCS.resolve(rule.id() + ".md"));
      assertThat(page).startsWith("# " + rule.id() + "\n")
          .contains("**Default severity:** " + rule.metadata().defaultSeverity())
          .contains("\n**Module:** migration-safety-prisma");
      int at = 0;
      for (String heading : HEADINGS) {
        int next = page.indexOf("\n" + heading + "\n", at);
        assertThat(next).as("%s has '%s' after the previous heading", rule.id(), heading).isGreaterThan(at);
        at = next;
      }
      examples(rule, page);
    }));
  }

  private void examples(Rule rule, String page) throws IOException {
    String schema = "";
    String unsafe = null;
    String safe = null;
    Matcher m = BLOCK.matcher(page);
    while (m.find()) {
      switch (m.group(1)) {
        case "schema" -> schema = m.group(2);
        case "unsafe" -> unsafe = m.group(2);
        default -> safe = m.group(2);
      }
    }
    assertThat(unsafe).as("%s has a ```sql unsafe block", rule.id()).isNotNull();
    assertThat(safe).as("%s has a ```sql safe block", rule.id()).isNotNull();
    Path dir = Files.createDirectories(work.resolve(rule.id()));
    assertThat(PrismaReviews.findings(dir.resolve("unsafe"), rule.id(), schema, null, unsafe))
        .as("the unsafe example of %s triggers it", rule.id()).isNotEmpty();
    assertThat(PrismaReviews.findings(dir.resolve("safe"), rule.id(), schema, null, safe))
        .as("the safe example of %s does not trigger it", rule.id()).isEmpty();
  }
}
