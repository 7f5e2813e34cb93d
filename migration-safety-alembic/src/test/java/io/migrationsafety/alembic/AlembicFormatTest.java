package io.migrationsafety.alembic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationsafety.MigrationSafety;
import io.migrationsafety.Review;
import io.migrationsafety.format.FormatMatch;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationFormatException;
import io.migrationsafety.format.MigrationFormats;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.Unrecognized;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.rule.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading Alembic projects: layout, translation on the calls' lines, fail-closed leftovers, downgrades. */
class AlembicFormatTest {

  @TempDir
  Path dir;

  private Path revision(String name, String text) throws IOException {
    Path file = dir.resolve("versions").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private static String header(String id, String down) {
    return "from alembic import op\nimport sqlalchemy as sa\n\nrevision = '" + id + "'\ndown_revision = "
        + (down == null ? "None" : "'" + down + "'") + "\n\n";
  }

  private Migration only() {
    MigrationSet set = MigrationFormats.installed().read(dir);
    assertThat(set.format()).isEqualTo("alembic");
    return set.migrations().get(0);
  }

  private static List<ParsedStatement> statements(String sql) {
    return SqlParser.parse(sql, "t").statements();
  }

  @Test
  void is_detected_from_the_script_directory_or_the_project_root() throws IOException {
    revision("abc_first.py", header("abc", null) + "def upgrade():\n    pass\n");
    assertThat(new AlembicFormat().detect(dir)).isEqualTo(FormatMatch.SPECIFIC);
    assertThat(new AlembicFormat().detect(dir.resolve("versions"))).isEqualTo(FormatMatch.SPECIFIC);
    Files.writeString(dir.resolve("versions/notes.txt"), "x");
    assertThat(MigrationFormats.installed().detect(dir).name()).isEqualTo("alembic");
  }

  @Test
  void puts_each_statement_on_the_line_of_its_call() throws IOException {
    revision("abc_add.py", header("abc", null) + """
        def upgrade():
            op.add_column("orders", sa.Column("note", sa.Text()))

            op.create_index(
                "ix_orders_note", "orders", ["note"],
            )
        """);
    Migration m = only();
    List<ParsedStatement> parsed = statements(m.upScript());
    assertThat(parsed).extracting(p -> p.statement().line()).containsExactly(8, 10);
    assertThat(parsed).extracting(p -> p.statement().column()).containsExactly(5, 5);
    assertThat(m.id()).isEqualTo("abc");
    assertThat(m.version()).isNull();
    assertThat(m.description()).isEqualTo("add");
    assertThat(m.transactional()).isTrue();
  }

  @Test
  void what_cannot_be_read_statically_becomes_unrecognized_on_its_line() throws IOException {
    revision("abc_dyn.py", header("abc", null) + """
        from myapp.models import helpers

        def upgrade():
            helpers.backfill_orders()
            op.execute(build_sql())
            for table in helpers.tables():
                op.drop_table(table)
            op.create_table("t", sa.Column("id", sa.Integer, primary_key=True))
        """);
    List<ParsedStatement> parsed = statements(only().upScript());
    assertThat(parsed).extracting(p -> p.statement().line()).containsExactly(10, 11, 12, 13, 14);
    List<String> reasons = parsed.stream().flatMap(p -> p.operations().stream())
        .filter(o -> o instanceof Unrecognized).map(o -> ((Unrecognized) o).reason()).toList();
    assertThat(reasons).hasSize(4);
    assertThat(reasons.get(0)).contains("helpers.backfill_orders(…)").contains("not known statically");
    assertThat(reasons.get(1)).startsWith("op.execute: the SQL is not SQL text known statically");
    assertThat(reasons.get(2)).contains("cannot be unrolled");
    assertThat(reasons.get(3)).startsWith("op.drop_table: the table name is not known statically");
    assertThat(parsed.get(4).isUnrecognized()).isFalse();
  }

  @Test
  void resolves_constants_f_strings_loops_and_helpers_of_the_project() throws IOException {
    Path pkg = dir.resolve("myapp");
    Files.createDirectories(pkg);
    Files.writeString(pkg.resolve("__init__.py"), "");
    Files.writeString(pkg.resolve("limits.py"), "NAME_LENGTH = 64\nTABLES = ['a', 'b']\n");
    Path versions = pkg.resolve("migrations/versions");
    Files.createDirectories(versions);
    Files.writeString(versions.resolve("abc_x.py"), header("abc", null) + """
        from myapp import limits
        from myapp.limits import TABLES

        SUFFIX = "name"

        def _column(table):
            op.add_column(table, sa.Column(f"{table}_{SUFFIX}", sa.String(length=limits.NAME_LENGTH)))

        def upgrade():
            for t in TABLES:
                _column(t)
        """);
    String sql = new AlembicFormat().read(pkg.resolve("migrations")).migrations().get(0).upScript();
    assertThat(statements(sql)).extracting(p -> p.statement().text()).containsExactly(
        "ALTER TABLE a ADD COLUMN a_name VARCHAR(64)", "ALTER TABLE b ADD COLUMN b_name VARCHAR(64)");
  }

  @Test
  void a_project_functions_default_arguments_come_from_its_own_module() throws IOException {
    Path pkg = dir.resolve("myapp");
    Files.createDirectories(pkg);
    Files.writeString(pkg.resolve("__init__.py"), "");
    Files.writeString(pkg.resolve("names.py"), "SUFFIX = 'idx'\n\ndef index_name(table, suffix=SUFFIX):\n"
        + "    return table + '_' + suffix\n");
    Path versions = pkg.resolve("migrations/versions");
    Files.createDirectories(versions);
    Files.writeString(versions.resolve("abc_x.py"), header("abc", null) + """
        from myapp.names import index_name

        SUFFIX = "not_this_one"

        def upgrade():
            op.create_index(index_name("orders"), "orders", ["code"])
        """);
    String sql = new AlembicFormat().read(pkg.resolve("migrations")).migrations().get(0).upScript();
    assertThat(statements(sql)).extracting(p -> p.statement().text())
        .containsExactly("CREATE INDEX orders_idx ON orders (code)");
  }

  @Test
  void autocommit_block_runs_its_statements_outside_the_transaction() throws IOException {
    revision("abc_idx.py", header("abc", null) + """
        def upgrade():
            op.execute("SET lock_timeout = '2s'")
            with op.get_context().autocommit_block():
                op.create_index("ix_a", "orders", ["a"], postgresql_concurrently=True)
            op.create_index("ix_b", "orders", ["b"], postgresql_concurrently=True)
        """);
    Review review = MigrationSafety.review(dir);
    List<Finding> findings = review.migrations().get(0).findings().stream()
        .filter(f -> f.rule().equals("non-transactional-in-transaction")).toList();
    assertThat(findings).extracting(Finding::line).containsExactly(11);
    assertThat(review.migrations().get(0).file()).isEqualTo("versions/abc_idx.py");
  }

  @Test
  void code_that_is_not_translated_is_reported_on_its_line_as_an_unparsed_statement_only() throws IOException {
    revision("abc_app.py", header("abc", null) + """
        import helpers
        def upgrade():
            op.add_column("orders", sa.Column("note", sa.Text()))
            helpers.backfill_orders()
        """);
    Review review = MigrationSafety.review(dir);
    assertThat(review.migrations().get(0).findings()).filteredOn(f -> !f.rule().equals("require-lock-timeout"))
        .singleElement().satisfies(f -> {
          assertThat(f.rule()).isEqualTo("unparsed-statement");
          assertThat(f.line()).isEqualTo(10);
          assertThat(f.message()).contains("helpers.backfill_orders(…) runs code that is not known statically");
        });
  }

  @Test
  void a_python_comment_suppresses_a_finding_like_an_sql_comment() throws IOException {
    revision("abc_idx.py", header("abc", null) + """
        def upgrade():
            # migration-safety:ignore require-concurrent-index the table is empty in every deployment
            op.create_index("ix_a", "orders", ["a"])
            op.create_index("ix_b", "orders", ["b"])
        """);
    List<Finding> findings = MigrationSafety.review(dir).migrations().get(0).findings().stream()
        .filter(f -> f.rule().equals("require-concurrent-index")).toList();
    assertThat(findings).extracting(Finding::line).containsExactly(10);
  }

  @Test
  void a_missing_or_empty_downgrade_is_no_rollback_and_the_policy_can_require_one() throws IOException {
    revision("a1_first.py", header("a1", null) + "def upgrade():\n    op.drop_column('t', 'c')\n");
    revision("a2_second.py", header("a2", "a1")
        + "def upgrade():\n    op.drop_column('t', 'd')\n\ndef downgrade():\n    \"\"\"Nothing.\"\"\"\n    pass\n");
    revision("a3_third.py", header("a3", "a2") + "def upgrade():\n    op.add_column('t', sa.Column('e', sa.Text()))\n\n"
        + "def downgrade():\n    op.drop_column('t', 'e')\n");
    revision("a4_fourth.py", header("a4", "a3") + "def upgrade():\n    op.drop_table('x')\n\n"
        + "def downgrade():\n    raise NotImplementedError('one way only')\n");
    MigrationSet set = new AlembicFormat().read(dir);
    assertThat(set.migrations()).extracting(Migration::hasDownScript).containsExactly(false, false, true, false);
    assertThat(set.migrations().get(2).downScript()).contains("ALTER TABLE t DROP COLUMN e");

    Path policy = dir.resolve("policy.yml");
    Files.writeString(policy, "conventions:\n  require_rollback: true\n");
    Review review = MigrationSafety.builder().policy(policy).build().review(dir);
    assertThat(review.findings()).filteredOn(f -> f.rule().equals("require-rollback"))
        .extracting(Finding::file).containsExactly("versions/a1_first.py", "versions/a2_second.py",
            "versions/a4_fourth.py");
  }

  @Test
  void a_file_that_is_not_python_is_a_clear_error() throws IOException {
    revision("abc_bad.py", header("abc", null) + "def upgrade():\n    op.execute('unclosed)\n");
    assertThatThrownBy(() -> new AlembicFormat().read(dir)).isInstanceOf(MigrationFormatException.class)
        .hasMessageContaining("abc_bad.py:8:16").hasMessageContaining("not closed on its line");
  }

  @Test
  void a_revision_without_an_identifier_is_a_clear_error() throws IOException {
    revision("x.py", "from alembic import op\n\ndef upgrade():\n    pass\n");
    revision("abc.py", header("abc", null) + "def upgrade():\n    pass\n");
    assertThatThrownBy(() -> new AlembicFormat().read(dir)).isInstanceOf(MigrationFormatException.class)
        .hasMessageContaining("x.py: declares no revision identifier");
  }

  static List<Operation> operations(String sql) {
    return statements(sql).stream().flatMap(p -> p.operations().stream()).toList();
  }
}
