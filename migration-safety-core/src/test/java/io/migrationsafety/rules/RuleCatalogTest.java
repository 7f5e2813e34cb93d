package io.migrationsafety.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.MigrationSetRule;
import io.migrationsafety.rule.Rule;
import io.migrationsafety.rule.RuleRegistry;
import io.migrationsafety.rule.StatementRule;
import io.migrationsafety.rule.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Holds the rule catalog together, so that docs and code cannot drift apart: ids follow class
 * names, every rule has a page with the same headings and a test class, the pages list equals the
 * registry, and each page's examples do what the page says.
 */
class RuleCatalogTest {

  private static final Path DOCS = Path.of("..", "docs", "rules");
  private static final Path TESTS = Path.of("src", "test", "java");
  private static final List<String> HEADINGS = List.of("## Problem", "## Locks", "## Safe alternative", "## Example");
  private static final Pattern BLOCK = Pattern.compile("```(?:sql|yaml) (unsafe|safe|schema|policy)\\R(.*?)```",
      Pattern.DOTALL);

  private final RuleRegistry registry = RuleRegistry.builtIn();

  @Test
  void rule_ids_are_the_kebab_case_class_names() {
    for (Rule rule : registry.all()) {
      String kebab = rule.getClass().getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
      assertThat(rule.id()).as(rule.getClass().getName()).isEqualTo(kebab);
    }
  }

  @Test
  void every_rule_has_a_page_and_every_page_a_rule() throws IOException {
    Set<String> pages;
    try (Stream<Path> files = Files.list(DOCS)) {
      pages = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md") && !n.equals("README.md"))
          .map(n -> n.substring(0, n.length() - 3)).collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> ids = registry.all().stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
    // A rule shipped by an adapter module says so on its page; that module's own test checks it.
    pages.removeIf(id -> !ids.contains(id) && adapterPage(id));
    assertThat(pages).isEqualTo(ids);
    String index = Files.readString(DOCS.resolve("README.md"));
    for (String id : ids) {
      assertThat(index).as("docs/rules/README.md lists %s", id).contains("[" + id + "](" + id + ".md)");
    }
  }

  private static boolean adapterPage(String id) {
    try {
      return Files.readString(DOCS.resolve(id + ".md")).contains("\n**Module:** migration-safety-");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void every_page_has_the_same_headings_in_order_and_its_severity() throws IOException {
    for (Rule rule : registry.all()) {
      String page = Files.readString(DOCS.resolve(rule.id() + ".md"));
      assertThat(page).as(rule.id()).startsWith("# " + rule.id() + "\n")
          .contains("**Default severity:** " + rule.metadata().defaultSeverity());
      int at = 0;
      for (String heading : HEADINGS) {
        int next = page.indexOf("\n" + heading + "\n", at);
        assertThat(next).as("%s has '%s' after the previous heading", rule.id(), heading).isGreaterThan(at);
        at = next;
      }
    }
  }

  @Test
  void every_rule_has_a_test_class() {
    for (Rule rule : registry.all()) {
      Path test = TESTS.resolve(rule.getClass().getName().replace('.', '/') + "Test.java");
      assertThat(test).as("test class of %s", rule.id()).exists();
    }
  }

  @TestFactory
  Stream<DynamicTest> each_page_example_does_what_it_says() {
    // A rule over traced facts (lock-model-disagreement) has no SQL check for RuleTester to run: its
    // test class traces its page's examples on PostgreSQL instead.
    return registry.all().stream().filter(r -> r instanceof StatementRule || r instanceof MigrationSetRule)
        .map(rule -> DynamicTest.dynamicTest(rule.id(), () -> {
      Example example = Example.of(rule);
      List<Finding> unsafeFindings = example.tester().findings(example.unsafe());
      assertThat(unsafeFindings).as("the unsafe example of %s triggers it", rule.id()).isNotEmpty();
      assertThat(example.tester().findings(example.safe())).as("the safe example of %s does not trigger it", rule.id())
          .isEmpty();
    }));
  }

  /**
   * Every finding that blocks says how to do it safely: the findings of a BLOCKED rule on its page's
   * unsafe example all carry a suggestion.
   */
  @TestFactory
  Stream<DynamicTest> every_blocking_finding_carries_a_safe_alternative() {
    return registry.all().stream().filter(r -> r.metadata().defaultSeverity() == Severity.BLOCKED)
        .map(rule -> DynamicTest.dynamicTest(rule.id(), () -> {
          Example example = Example.of(rule);
          for (Finding finding : example.tester().findings(example.unsafe())) {
            assertThat(finding.suggestion()).as("%s: %s", rule.id(), finding.message()).isNotBlank();
          }
        }));
  }

  /** A page's example blocks, and a tester set up with its schema and policy. */
  private record Example(RuleTester tester, String unsafe, String safe) {

    static Example of(Rule rule) throws IOException {
      String page = Files.readString(DOCS.resolve(rule.id() + ".md"));
      String schema = "";
      String policy = null;
      String unsafe = null;
      String safe = null;
      Matcher m = BLOCK.matcher(page);
      while (m.find()) {
        switch (m.group(1)) {
          case "schema" -> schema = m.group(2);
          case "policy" -> policy = m.group(2);
          case "unsafe" -> unsafe = m.group(2);
          default -> safe = m.group(2);
        }
      }
      assertThat(unsafe).as("%s has a ```sql unsafe block", rule.id()).isNotNull();
      assertThat(safe).as("%s has a ```sql safe block", rule.id()).isNotNull();
      RuleTester tester = RuleTester.of(rule).schema(schema);
      if (policy != null) {
        tester.policy(policy);
      }
      return new Example(tester, unsafe, safe);
    }
  }

  /**
   * A page's Locks section must name the strongest lock the lock model predicts for its unsafe
   * example (the model itself is checked against PostgreSQL by LockModelAgreementTest), unless the
   * section says the statement takes none of its own.
   */
  @TestFactory
  Stream<DynamicTest> each_page_names_the_lock_the_model_predicts_for_its_example() {
    return registry.all().stream().map(rule -> DynamicTest.dynamicTest(rule.id(), () -> {
      String page = Files.readString(DOCS.resolve(rule.id() + ".md"));
      String locks = page.substring(page.indexOf("## Locks"), page.indexOf("## Safe alternative"));
      if (locks.contains("\nNone") || locks.contains("\nNo lock") || locks.contains("\nUnknown")) {
        return;
      }
      String schemaSql = "";
      String unsafe = "";
      Matcher m = BLOCK.matcher(page);
      while (m.find()) {
        if (m.group(1).equals("schema")) {
          schemaSql = m.group(2);
        } else if (m.group(1).equals("unsafe")) {
          unsafe = m.group(2);
        }
      }
      io.migrationsafety.schema.Schema schema = io.migrationsafety.schema.Schema.empty();
      for (var s : io.migrationsafety.parse.SqlParser.parse(schemaSql, "schema.sql").statements()) {
        for (var op : s.operations()) {
          schema = io.migrationsafety.schema.replay.SchemaReplayer.apply(schema, op, "public").after();
        }
      }
      io.migrationsafety.lock.LockMode strongest = null;
      for (var s : io.migrationsafety.parse.SqlParser.parse(unsafe, "unsafe.sql").statements()) {
        for (var op : s.operations()) {
          if (io.migrationsafety.lock.LockModel.known(op)) {
            for (var effect : io.migrationsafety.lock.LockModel.effects(op, schema, "public", 16)) {
              if (strongest == null || effect.mode().compareTo(strongest) > 0) {
                strongest = effect.mode();
              }
            }
          }
          schema = io.migrationsafety.schema.replay.SchemaReplayer.apply(schema, op, "public").after();
        }
      }
      if (strongest != null) {
        assertThat(locks).as("%s names %s, the lock the model predicts for its unsafe example", rule.id(), strongest)
            .contains("`" + strongest.sqlName() + "`");
      }
    }));
  }
}
