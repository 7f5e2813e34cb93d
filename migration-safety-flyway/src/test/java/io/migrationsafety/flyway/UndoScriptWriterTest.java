package io.migrationsafety.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationsafety.format.DownScriptFile;
import io.migrationsafety.format.DownScriptWriter;
import io.migrationsafety.format.MigrationFormatException;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.format.RollbackScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rollbacks laid out as Flyway's undo scripts, with hand-built rollback plans. */
class UndoScriptWriterTest {

  @TempDir
  Path dir;

  private final DownScriptWriter writer = new FlywayFormat().downScriptWriter().orElseThrow();

  private static RollbackScript script(String... statements) {
    StringBuilder sql = new StringBuilder();
    for (String s : statements) {
      sql.append(s).append(";\n");
    }
    return new RollbackScript(sql.toString(), List.of(statements), false);
  }

  @Test
  void writes_the_undo_script_beside_the_versioned_one() throws IOException {
    Files.writeString(dir.resolve("V1_2__add_orders.sql"), "CREATE TABLE orders (id int);\n");
    MigrationSet set = new FlywayFormat().read(dir);
    DownScriptFile file = writer.write(set, set.migrations().get(0), script("DROP TABLE orders"));
    assertThat(file.file()).isEqualTo(dir.resolve("U1_2__add_orders.sql"));
    assertThat(file.text()).isEqualTo("DROP TABLE orders;\n");
    assertThat(file.replacesRollback()).isFalse();

    Files.writeString(file.file(), file.text());
    MigrationSet again = new FlywayFormat().read(dir);
    assertThat(again.migrations()).singleElement().satisfies(m -> assertThat(m.downScript()).isEqualTo(file.text()));
    assertThat(writer.write(again, again.migrations().get(0), script("DROP TABLE orders")).replacesRollback()).isTrue();
  }

  @Test
  void a_repeatable_migration_has_no_undo() throws IOException {
    Files.writeString(dir.resolve("R__views.sql"), "CREATE VIEW v AS SELECT 1;\n");
    MigrationSet set = new FlywayFormat().read(dir);
    assertThatThrownBy(() -> writer.write(set, set.migrations().get(0), script("DROP VIEW v")))
        .isInstanceOf(MigrationFormatException.class).hasMessageContaining("repeatable");
  }

  @Test
  void a_rollback_flyway_would_refuse_as_one_script_is_refused() throws IOException {
    Files.writeString(dir.resolve("V1__index.sql"), "CREATE TABLE t (v int);\nCREATE INDEX i ON t (v);\n");
    MigrationSet set = new FlywayFormat().read(dir);
    RollbackScript mixed = new RollbackScript("DROP INDEX CONCURRENTLY i;\nDROP TABLE t;\n",
        List.of("DROP INDEX CONCURRENTLY i", "DROP TABLE t"), true);
    assertThatThrownBy(() -> writer.write(set, set.migrations().get(0), mixed))
        .isInstanceOf(MigrationFormatException.class).hasMessageContaining("executeInTransaction=false");
    RollbackScript alone = new RollbackScript("DROP INDEX CONCURRENTLY i;\n", List.of("DROP INDEX CONCURRENTLY i"), true);
    assertThat(writer.write(set, set.migrations().get(0), alone).file()).isEqualTo(dir.resolve("U1__index.sql"));
  }
}
