package io.migrationsafety.alembic;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.format.DownScriptFile;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.format.RollbackScript;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A synthesized rollback written as downgrade(): in Alembic's style, and read back as the same SQL. */
class DowngradeWriterTest {

  @TempDir
  Path dir;

  private static final String HEAD = "from alembic import op\nimport sqlalchemy as sa\n\nrevision = 'a1'\n"
      + "down_revision = None\n\n\ndef upgrade():\n    op.create_index('ix_a', 'orders', ['a'])\n";

  private MigrationSet project(String text) throws IOException {
    Path file = dir.resolve("versions/a1_index.py");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return new AlembicFormat().read(dir);
  }

  private MigrationSet writeAndReread(MigrationSet set, RollbackScript script, boolean replaces) throws IOException {
    Migration m = set.migrations().get(0);
    DownScriptFile file = new AlembicFormat().downScriptWriter().orElseThrow().write(set, m, script);
    assertThat(file.file()).isEqualTo(m.file());
    assertThat(file.replacesRollback()).isEqualTo(replaces);
    Files.writeString(file.file(), file.text());
    return new AlembicFormat().read(dir);
  }

  private static List<String> statements(String sql) {
    return SqlParser.parse(sql, "t").statements().stream().map(ParsedStatement::statement).map(s -> s.text()).toList();
  }

  @Test
  void replaces_an_empty_downgrade_and_reads_back_as_the_rollback() throws IOException {
    MigrationSet set = project(HEAD + "\n\ndef downgrade():\n    pass\n\n\n# trailing comment\n");
    RollbackScript script = new RollbackScript("DROP INDEX ix_a;\n", List.of("DROP INDEX ix_a"), false);

    MigrationSet again = writeAndReread(set, script, false);

    String text = Files.readString(again.migrations().get(0).file());
    assertThat(text).contains("def downgrade():\n    # Written by migration-safety")
        .contains("    op.execute(\"DROP INDEX ix_a\")\n").endsWith("# trailing comment\n").doesNotContain("pass");
    assertThat(statements(again.migrations().get(0).downScript())).containsExactly("DROP INDEX ix_a");
  }

  @Test
  void adds_a_missing_downgrade_and_marks_a_concurrent_rollback_with_an_autocommit_block() throws IOException {
    MigrationSet set = project(HEAD);
    RollbackScript script = new RollbackScript("", List.of("DROP INDEX CONCURRENTLY ix_a",
        "UPDATE orders SET note = 'it''s \"quoted\"' WHERE note ~ '\\d'"), true);

    MigrationSet again = writeAndReread(set, script, false);

    Migration m = again.migrations().get(0);
    assertThat(Files.readString(m.file())).contains("    with op.get_context().autocommit_block():\n        op.execute(");
    assertThat(statements(m.downScript())).containsExactly("BEGIN", "COMMIT", "DROP INDEX CONCURRENTLY ix_a",
        "UPDATE orders SET note = 'it''s \"quoted\"' WHERE note ~ '\\d'", "BEGIN", "COMMIT");
  }

  @Test
  void says_when_it_replaces_a_written_downgrade() throws IOException {
    MigrationSet set = project(HEAD + "\n\ndef downgrade():\n    op.drop_index('ix_a', table_name='orders')\n");
    writeAndReread(set, new RollbackScript("", List.of("DROP INDEX ix_a"), false), true);
  }
}
