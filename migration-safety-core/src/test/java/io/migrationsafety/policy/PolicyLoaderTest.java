package io.migrationsafety.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.migrationsafety.MigrationSafetyException;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.rule.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {

  private static Policy parse(String yaml) {
    return PolicyLoader.parse(yaml, "policy.yml").policy();
  }

  /** Parses {@code yaml}, expecting a failure at {@code line}:{@code column} whose message holds every part. */
  private static PolicyException failsAt(String yaml, int line, int column, String... messageParts) {
    try {
      PolicyLoader.parse(yaml, "policy.yml");
    } catch (PolicyException e) {
      assertThat(e.location()).hasValue(new PolicyLocation("policy.yml", line, column));
      assertThat(e.getMessage()).startsWith("policy.yml:" + line + ":" + column + ": ");
      assertThat(e.getMessage()).contains(messageParts);
      assertThat(e).isInstanceOf(MigrationSafetyException.class);
      return e;
    }
    return fail("expected a PolicyException for:%n%s", yaml);
  }

  // --- what a valid policy gives ---

  @Test
  void reads_every_key_of_a_full_policy() {
    LoadedPolicy loaded = PolicyLoader.parse("""
        postgres_version: 14
        large_table_rows: 5000
        rules:
          require-concurrent-index: blocked
          adding-not-null-column: warning
          some-info-rule: info
          noisy-rule: off
        conventions:
          file_name_pattern: '^V\\d+__[a-z0-9_]+\\.sql$'
          require_version_prefix: true
          require_rollback: true
        tables:
          public.orders: { rows: 48000000, bytes: 9800000000 }
          audit_log: 1200
        """, "policy.yml");
    Policy policy = loaded.policy();

    assertThat(policy.postgresVersion()).isEqualTo(14);
    assertThat(policy.largeTableRows()).isEqualTo(5000);
    assertThat(policy.rules()).containsOnly(
        Map.entry("require-concurrent-index", RuleSetting.at(Severity.BLOCKED)),
        Map.entry("adding-not-null-column", RuleSetting.at(Severity.WARNING)),
        Map.entry("some-info-rule", RuleSetting.at(Severity.INFO)),
        Map.entry("noisy-rule", RuleSetting.off()));
    assertThat(policy.conventions().fileNamePattern().pattern()).isEqualTo("^V\\d+__[a-z0-9_]+\\.sql$");
    assertThat(policy.conventions().requireVersionPrefix()).isTrue();
    assertThat(policy.conventions().requireRollback()).isTrue();
    assertThat(policy.tableSizes()).containsOnly(
        Map.entry(QualifiedName.of("public", "orders"), new TableSize(48_000_000, 9_800_000_000L)),
        Map.entry(QualifiedName.of("public", "audit_log"), new TableSize(1200, null)));
    assertThat(loaded.ruleLocations()).containsExactly(
        Map.entry("require-concurrent-index", new PolicyLocation("policy.yml", 4, 3)),
        Map.entry("adding-not-null-column", new PolicyLocation("policy.yml", 5, 3)),
        Map.entry("some-info-rule", new PolicyLocation("policy.yml", 6, 3)),
        Map.entry("noisy-rule", new PolicyLocation("policy.yml", 7, 3)));
  }

  @Test
  void an_empty_file_or_one_with_only_comments_gives_the_defaults() {
    assertThat(parse("")).isEqualTo(Policy.defaults());
    assertThat(parse("\n\n")).isEqualTo(Policy.defaults());
    assertThat(parse("# nothing yet\n")).isEqualTo(Policy.defaults());
    assertThat(parse("---\n")).isEqualTo(Policy.defaults());
    assertThat(PolicyLoader.parse("", "policy.yml").ruleLocations()).isEmpty();
  }

  @Test
  void keys_left_out_keep_their_defaults() {
    Policy policy = parse("large_table_rows: 10\nconventions:\n  require_rollback: true\n");

    assertThat(policy.postgresVersion()).isEqualTo(Policy.DEFAULT_POSTGRES_VERSION);
    assertThat(policy.largeTableRows()).isEqualTo(10);
    assertThat(policy.conventions()).isEqualTo(new Conventions(null, false, true));
    assertThat(policy.rules()).isEmpty();
    assertThat(policy.tableSizes()).isEmpty();
  }

  @Test
  void empty_sections_are_empty() {
    assertThat(parse("rules:\nconventions:\ntables:\n")).isEqualTo(Policy.defaults());
    assertThat(parse("rules: {}\nconventions: {}\ntables: {}\n")).isEqualTo(Policy.defaults());
  }

  @Test
  void numbers_may_group_digits_with_underscores() {
    assertThat(parse("large_table_rows: 1_000_000").largeTableRows()).isEqualTo(1_000_000);
  }

  @Test
  void severities_are_read_in_any_case_and_a_plain_off_is_not_a_boolean() {
    Policy policy = parse("""
        rules:
          a-rule: OFF
          b-rule: 'off'
          c-rule: Blocked
          d-rule: WARNING
        """);

    assertThat(policy.rule("a-rule")).hasValue(RuleSetting.off());
    assertThat(policy.rule("b-rule")).hasValue(RuleSetting.off());
    assertThat(policy.rule("c-rule")).hasValue(RuleSetting.at(Severity.BLOCKED));
    assertThat(policy.rule("d-rule")).hasValue(RuleSetting.at(Severity.WARNING));
  }

  @Test
  void an_empty_file_name_pattern_means_any_name() {
    assertThat(parse("conventions:\n  file_name_pattern:\n").conventions().fileNamePattern()).isNull();
    assertThat(parse("conventions:\n  file_name_pattern: null\n").conventions().fileNamePattern()).isNull();
  }

  @Test
  void table_names_are_read_as_postgresql_reads_them() {
    Policy policy = parse("""
        tables:
          Sales.Orders: 1
          '"Audit"."Log"': 2
          "\\"Mixed\\"": 3
        """);

    assertThat(policy.tableSizes()).containsOnlyKeys(
        QualifiedName.of("sales", "orders"), QualifiedName.of("Audit", "Log"), QualifiedName.of("public", "Mixed"));
  }

  @Test
  void a_table_size_may_give_rows_without_bytes() {
    assertThat(parse("tables:\n  t: { rows: 7 }\n").tableSize(QualifiedName.of("public", "t")))
        .hasValue(new TableSize(7, null));
  }

  @Test
  void anchors_and_aliases_are_plain_yaml_and_allowed() {
    Policy policy = parse("""
        tables:
          orders: &big { rows: 1000000 }
          order_lines: *big
        """);

    assertThat(policy.tableSizes()).hasSize(2).containsValue(new TableSize(1_000_000, null));
  }

  // --- unknown keys ---

  @Test
  void an_unknown_top_level_key_is_named_at_its_position_with_the_nearest_key() {
    PolicyException e = failsAt("rules: {}\npostgres-version: 15\n", 2, 1,
        "unknown key 'postgres-version' (did you mean 'postgres_version'?)",
        "the keys are postgres_version, large_table_rows, rules, conventions, tables");

    assertThat(e.problem()).startsWith("unknown key");
  }

  @Test
  void a_top_level_typo_suggests_the_key_it_resembles() {
    failsAt("large_tabel_rows: 5\n", 1, 1, "did you mean 'large_table_rows'?");
    failsAt("convention:\n  require_rollback: true\n", 1, 1, "did you mean 'conventions'?");
  }

  @Test
  void an_unknown_key_that_resembles_nothing_gets_no_suggestion() {
    PolicyException e = failsAt("max_lock_ms: 5000\n", 1, 1, "unknown key 'max_lock_ms'; the keys are");

    assertThat(e.getMessage()).doesNotContain("did you mean");
  }

  @Test
  void an_unknown_key_in_conventions_is_named_at_its_indented_position() {
    failsAt("conventions:\n  require_rollbacks: true\n", 2, 3,
        "unknown key 'require_rollbacks' in conventions (did you mean 'require_rollback'?)",
        "the keys there are file_name_pattern, require_version_prefix, require_rollback");
  }

  @Test
  void an_unknown_key_in_a_table_size_suggests_rows_or_bytes() {
    failsAt("tables:\n  orders: { row: 5 }\n", 2, 13,
        "unknown key 'row' in the size of table public.orders (did you mean 'rows'?)", "rows, bytes");
  }

  // --- wrong types and ranges ---

  @Test
  void a_string_for_postgres_version_is_refused_at_the_value() {
    failsAt("postgres_version: \"16\"\n", 1, 19,
        "postgres_version must be a PostgreSQL major version from 12 to 18, found the string '16'");
  }

  @Test
  void a_postgres_version_out_of_range_is_refused_with_the_range() {
    failsAt("postgres_version: 11\n", 1, 19, "from 12 to 18, found 11");
    failsAt("\n\npostgres_version:   19\n", 3, 21, "from 12 to 18, found 19");
  }

  @Test
  void a_fractional_postgres_version_is_refused() {
    failsAt("postgres_version: 16.1\n", 1, 19, "found the number 16.1");
  }

  @Test
  void numbers_in_hex_octal_or_sexagesimal_are_refused_as_surprising() {
    failsAt("large_table_rows: 0x10\n", 1, 19, "written in decimal digits, found '0x10'");
    failsAt("large_table_rows: 010\n", 1, 19, "written in decimal digits, found '010'");
    failsAt("large_table_rows: 1:30\n", 1, 19, "written in decimal digits, found '1:30'");
  }

  @Test
  void a_negative_large_table_rows_is_refused() {
    failsAt("large_table_rows: -1\n", 1, 19, "large_table_rows must be a whole number, 0 or more, found -1");
  }

  @Test
  void a_number_too_large_for_a_long_is_refused() {
    failsAt("large_table_rows: 99999999999999999999\n", 1, 19, "too large");
  }

  @Test
  void a_list_where_a_number_belongs_is_refused() {
    failsAt("large_table_rows:\n  - 1\n", 2, 3, "found a list");
  }

  @Test
  void an_unknown_severity_lists_the_allowed_ones() {
    failsAt("rules:\n  require-concurrent-index: warn\n", 2, 29,
        "rule require-concurrent-index must be blocked, warning, info or off, found the string 'warn'");
  }

  @Test
  void a_boolean_severity_other_than_off_is_refused() {
    failsAt("rules:\n  a-rule: false\n", 2, 11, "found 'false' (a boolean)");
  }

  @Test
  void rules_must_be_a_mapping() {
    failsAt("rules:\n  - require-concurrent-index\n", 2, 3,
        "rules must be a mapping of rule ids to severities, found a list");
  }

  @Test
  void a_blank_rule_id_is_refused() {
    failsAt("rules:\n  '': off\n", 2, 3, "'' is not a rule id");
  }

  @Test
  void conventions_take_true_or_false_only() {
    failsAt("conventions:\n  require_rollback: yes\n", 2, 21, "require_rollback must be true or false, found 'yes'");
    failsAt("conventions:\n  require_version_prefix: 'true'\n", 2, 27, "found the string 'true'");
  }

  @Test
  void an_invalid_file_name_pattern_is_refused_at_its_value() {
    failsAt("conventions:\n  file_name_pattern: '^V(\\d+__.*$'\n", 2, 22,
        "file_name_pattern is not a valid regular expression: Unclosed group near index", "'^V(\\d+__.*$'");
  }

  @Test
  void a_file_name_pattern_must_be_a_string() {
    failsAt("conventions:\n  file_name_pattern: 42\n", 2, 22,
        "file_name_pattern must be a regular expression in quotes, found the number 42");
  }

  @Test
  void negative_table_sizes_are_refused_at_the_number() {
    failsAt("tables:\n  orders: -5\n", 2, 11, "rows of table public.orders must be a whole number, 0 or more, found -5");
    failsAt("tables:\n  orders: { rows: 5, bytes: -1 }\n", 2, 29, "bytes of table public.orders", "found -1");
    failsAt("tables:\n  orders:\n    rows: -2\n", 3, 11, "rows of table public.orders", "found -2");
  }

  @Test
  void a_table_size_without_rows_is_refused() {
    failsAt("tables:\n  orders: { bytes: 10 }\n", 2, 11,
        "the size of table public.orders needs rows: write { rows: N } or { rows: N, bytes: N }");
  }

  @Test
  void a_table_without_a_size_is_refused() {
    failsAt("tables:\n  orders:\n", 2, 10, "must be a number of rows, or { rows: N, bytes: N }, found nothing");
    failsAt("tables:\n  orders: [1]\n", 2, 11, "found a list");
    failsAt("tables:\n  orders: many\n", 2, 11, "found the string 'many'");
  }

  @Test
  void a_malformed_table_name_is_refused_at_the_key() {
    failsAt("tables:\n  db.public.orders: 5\n", 2, 3, "'db.public.orders' is not a table name; write table or schema.table");
    failsAt("tables:\n  '\"unterminated': 5\n", 2, 3, "is not a table name");
    failsAt("tables:\n  'orders -- note': 5\n", 2, 3, "is not a table name");
  }

  @Test
  void the_same_table_twice_is_refused_even_when_spelled_differently() {
    failsAt("tables:\n  orders: 1\n  PUBLIC.orders: 2\n", 3, 3,
        "table public.orders is listed twice (first at line 2, column 3");
  }

  // --- structure ---

  @Test
  void a_duplicate_key_is_refused_at_the_second_one() {
    failsAt("postgres_version: 15\nrules: {}\npostgres_version: 16\n", 3, 1,
        "duplicate key 'postgres_version' in the policy (first at line 1, column 1)");
    failsAt("rules:\n  a-rule: off\n  a-rule: info\n", 3, 3, "duplicate key 'a-rule' in rules (first at line 2, column 3)");
  }

  @Test
  void a_file_that_is_not_a_mapping_is_refused() {
    failsAt("- postgres_version: 16\n", 1, 1, "the policy must be a mapping of keys to values", "found a list");
    failsAt("16\n", 1, 1, "the policy must be a mapping", "found the number 16");
  }

  @Test
  void custom_tags_are_refused_wherever_they_are() {
    failsAt("postgres_version: !version 16\n", 1, 19, "tags such as '!version' are not allowed");
    failsAt("rules: !!java.util.HashMap {}\n", 1, 8, "tags such as '!!java.util.HashMap' are not allowed");
    failsAt("tables:\n  !table orders: 5\n", 2, 3, "tags such as '!table'");
  }

  @Test
  void merge_keys_are_refused() {
    failsAt("base: &b { rows: 1 }\n", 1, 1, "unknown key 'base'");
    failsAt("tables:\n  orders: { <<: { rows: 1 } }\n", 2, 13, "merge keys ('<<') are not supported");
  }

  @Test
  void keys_must_be_scalars() {
    failsAt("? [a, b]\n: 1\n", 1, 3, "keys in the policy must be plain names, found a list");
  }

  @Test
  void invalid_yaml_is_reported_where_the_parser_stopped() {
    failsAt("postgres_version: 16\n  large_table_rows: 5\n", 2, 19, "invalid YAML: mapping values are not allowed here");
    failsAt("rules:\n\ta-rule: off\n", 2, 1, "invalid YAML");
    failsAt("tables: { orders: 1\n", 2, 1, "invalid YAML");
  }

  @Test
  void more_than_one_document_is_refused() {
    failsAt("postgres_version: 15\n---\npostgres_version: 16\n", 2, 1, "invalid YAML", "single document");
  }

  // --- rule ids, checked later against the registry ---

  @Test
  void an_unknown_rule_id_is_reported_at_its_line_with_the_nearest_known_id() {
    LoadedPolicy loaded = PolicyLoader.parse("""
        rules:
          require-concurrent-index: blocked
          require-concurent-index: warning
        """, "policy.yml");

    assertThatThrownBy(() -> loaded.requireKnownRules(List.of("require-concurrent-index", "ban-drop-column")))
        .isInstanceOf(PolicyException.class)
        .hasMessage("policy.yml:3:3: unknown rule 'require-concurent-index' (did you mean"
            + " 'require-concurrent-index'?); `migration-safety rules` lists the rule ids");
    loaded.requireKnownRules(List.of("require-concurrent-index", "require-concurent-index"));
    assertThat(loaded.ruleLocation("require-concurrent-index")).hasValue(new PolicyLocation("policy.yml", 2, 3));
  }

  // --- files ---

  @Test
  void load_reads_a_file_and_names_it_in_messages(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("migration-safety.yml");
    Files.writeString(file, "\uFEFFpostgres_version: 13\n");
    assertThat(PolicyLoader.load(file).policy().postgresVersion()).isEqualTo(13);

    Files.writeString(file, "postgres_version: 13\nrule: {}\n");
    assertThatThrownBy(() -> PolicyLoader.load(file)).isInstanceOf(PolicyException.class)
        .hasMessageStartingWith(file + ":2:1: unknown key 'rule' (did you mean 'rules'?)");
  }

  @Test
  void load_refuses_a_missing_file_and_one_that_is_not_utf8(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("none.yml");
    assertThatThrownBy(() -> PolicyLoader.load(missing)).isInstanceOf(PolicyException.class)
        .hasMessage(missing + ": no such policy file; `migration-safety init` writes one")
        .satisfies(e -> assertThat(((PolicyException) e).location()).isEmpty());

    Path latin1 = dir.resolve("latin1.yml");
    Files.write(latin1, "rules:\n  caf\u00e9: off\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> PolicyLoader.load(latin1)).isInstanceOf(PolicyException.class)
        .hasMessageStartingWith(latin1 + ":2:6: invalid UTF-8");
  }
}
