package io.migrationsafety;

import static io.migrationsafety.assertj.MigrationSafetyAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationsafety.format.MigrationFormatException;
import io.migrationsafety.policy.PolicyException;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import io.migrationsafety.operation.Drop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fluent API end to end, on migration directories written by the tests. */
class MigrationSafetyTest {

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void the_same_index_is_blocked_on_an_existing_table_and_safe_on_a_new_one() throws IOException {
    write("V1__index_existing.sql", "CREATE INDEX orders_created_idx ON orders (created_at);\n");
    write("V2__new_table.sql", "CREATE TABLE refunds (id bigint, created_at timestamptz);\n");
    write("V3__index_new.sql", "CREATE INDEX refunds_created_idx ON refunds (created_at);\n");

    Review review = MigrationSafety.review(dir);

    assertThat(review.verdict()).isEqualTo(Verdict.BLOCKED);
    assertThat(review.migrations()).extracting(MigrationReview::verdict)
        .containsExactly(Verdict.BLOCKED, Verdict.SAFE, Verdict.SAFE);
    assertThat(review.migrations().get(0).findings()).singleElement()
        .extracting(Finding::rule).isEqualTo("require-concurrent-index");
  }

  @Test
  void a_policy_that_declares_the_table_small_makes_it_safe() throws IOException {
    write("V1__index_existing.sql", "CREATE INDEX orders_created_idx ON orders (created_at);\n");
    Path policy = write("policy/migration-safety.yml", "tables:\n  public.orders: 120\n");

    Review review = MigrationSafety.builder().policy(policy).build().review(dir);

    assertThat(review).hasVerdict(Verdict.SAFE).hasNoFindings();
  }

  @Test
  void policy_severities_and_switches_apply() throws IOException {
    write("V1__index.sql", "CREATE INDEX orders_created_idx ON orders (created_at);\n");
    Path warn = write("policy/warn.yml", "rules:\n  require-concurrent-index: warning\n");
    Path off = write("policy/off.yml", "rules:\n  require-concurrent-index: off\n");

    assertThat(MigrationSafety.builder().policy(warn).build().review(dir)).hasVerdict(Verdict.WARNING)
        .hasFinding("require-concurrent-index");
    assertThat(MigrationSafety.builder().policy(off).build().review(dir)).hasVerdict(Verdict.SAFE);
  }

  @Test
  void a_suppression_with_a_reason_silences_its_rule_and_one_without_is_itself_blocked() throws IOException {
    write("V1__ok.sql", "-- migration-safety:ignore require-concurrent-index orders is tiny\n"
        + "CREATE INDEX a ON orders (id);\n");
    write("V2__no_reason.sql", "-- migration-safety:ignore require-concurrent-index\nCREATE INDEX b ON orders (id);\n");

    Review review = MigrationSafety.review(dir);

    assertThat(review.migrations().get(0).verdict()).isEqualTo(Verdict.SAFE);
    assertThat(review.migrations().get(1).findings()).extracting(Finding::rule)
        .containsExactlyInAnyOrder("invalid-suppression", "require-concurrent-index");
  }

  @Test
  void user_rules_join_the_built_in_ones() throws IOException {
    write("V1__drop.sql", "DROP TABLE audit_log;\n");
    StatementRule noDrops = new StatementRule() {
      private final RuleMetadata metadata = RuleMetadata.of("no-drop-table", "Tables are never dropped here",
          Severity.BLOCKED);

      @Override
      public RuleMetadata metadata() {
        return metadata;
      }

      @Override
      public List<Finding> check(StatementContext context) {
        return context.operation() instanceof Drop
            ? List.of(context.finding(this, "DROP is not allowed", "House rule.", null)) : List.of();
      }
    };

    Review review = MigrationSafety.builder().rule(noDrops).build().review(dir);

    assertThat(review).hasVerdict(Verdict.BLOCKED).hasFinding("no-drop-table");
  }

  @Test
  void bad_input_is_a_clear_error() throws IOException {
    assertThatThrownBy(() -> MigrationSafety.review(dir.resolve("missing")))
        .isInstanceOf(MigrationFormatException.class).hasMessageContaining("no such directory");
    assertThatThrownBy(() -> MigrationSafety.review(dir)).hasMessageContaining("the directory is empty");

    Files.createSymbolicLink(dir.resolve("V1__gone.sql"), dir.resolve("nowhere.sql"));
    assertThatThrownBy(() -> MigrationSafety.review(dir)).isInstanceOf(MigrationSafetyException.class)
        .hasMessageContaining("cannot read").hasMessageContaining("V1__gone.sql");
  }

  @Test
  void a_malformed_policy_names_its_file_and_line_and_unknown_rules_are_refused() throws IOException {
    Path broken = write("broken.yml", "postgres_version: 16\nlarge_table_rows: lots\n");
    Path unknown = write("unknown.yml", "rules:\n  require-concurent-index: off\n");

    assertThatThrownBy(() -> MigrationSafety.builder().policy(broken))
        .isInstanceOf(PolicyException.class).hasMessageContaining("broken.yml:2:");
    assertThatThrownBy(() -> MigrationSafety.builder().policy(unknown).build())
        .isInstanceOf(PolicyException.class).hasMessageContaining("unknown.yml:2:")
        .hasMessageContaining("require-concurrent-index");
  }

  @Test
  void postgres_version_out_of_range_is_refused_at_build_time() {
    assertThatThrownBy(() -> MigrationSafety.builder().postgresVersion(9).build())
        .isInstanceOf(MigrationSafetyException.class).hasMessageContaining("12 to 18");
  }

  @Test
  void a_snapshot_gives_the_review_the_real_table_sizes() throws IOException {
    write("V1__index.sql", "CREATE INDEX orders_created_idx ON orders (created_at);\n");
    io.migrationsafety.schema.Schema schema = io.migrationsafety.schema.Schema.empty();
    for (var statement : io.migrationsafety.parse.SqlParser.parse(
        "CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz);", "db.sql").statements()) {
      schema = io.migrationsafety.schema.replay.SchemaReplayer.apply(schema, statement.operations().get(0), "public")
          .after();
    }
    var orders = io.migrationsafety.operation.QualifiedName.of("public", "orders");
    Path small = dir.resolveSibling(dir.getFileName() + "-small.json");
    Path large = dir.resolveSibling(dir.getFileName() + "-large.json");
    io.migrationsafety.schema.SchemaSnapshot.save(schema.withTable(schema.table(orders).orElseThrow().withSize(50L, 8192L)), small);
    io.migrationsafety.schema.SchemaSnapshot.save(
        schema.withTable(schema.table(orders).orElseThrow().withSize(2_000_000L, 300_000_000L)), large);

    assertThat(MigrationSafety.builder().schema(small).build().review(dir)).hasVerdict(Verdict.SAFE);
    assertThat(MigrationSafety.builder().schema(large).build().review(dir)).hasVerdict(Verdict.BLOCKED)
        .hasFinding("require-concurrent-index");
  }

  @Test
  void with_a_known_schema_a_statement_on_a_missing_table_is_a_conflict_and_without_one_it_is_not()
      throws IOException {
    write("V1__alter.sql", "ALTER TABLE invoices ADD COLUMN note text;\n");

    assertThat(MigrationSafety.review(dir).findings()).extracting(Finding::rule).doesNotContain("schema-conflict");
    assertThat(MigrationSafety.builder().schema(io.migrationsafety.schema.Schema.empty()).build().review(dir))
        .hasFinding("schema-conflict");
  }
}
