package io.migrationsafety.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationFormatException;
import io.migrationsafety.format.MigrationSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Placeholders, script configuration, checksums and the transaction of each script, compared with
 * what real Flyway computes and does on the same files.
 */
class FlywayScriptTextTest {

  @TempDir
  Path dir;

  private final String db = TestDatabases.create();

  private void file(String name, String text) throws IOException {
    Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
  }

  private FluentConfiguration flyway() {
    return Flyway.configure().dataSource(TestDatabases.superuser(db)).locations("filesystem:" + dir.toAbsolutePath());
  }

  private static Map<String, Migration> byFile(MigrationSet set) {
    return set.migrations().stream().collect(Collectors.toMap(m -> m.file().getFileName().toString(),
        Function.identity()));
  }

  @Test
  void placeholders_are_replaced_as_flyway_replaces_them() throws IOException {
    file("V1__create.sql", "-- for ${Owner}\nCREATE TABLE ${flyway:defaultSchema}.${table} (id int);\n"
        + "COMMENT ON TABLE ${table} IS '${flyway:filename} by ${owner}';\n");
    file("R__view.sql", "CREATE OR REPLACE VIEW ${table}_view AS SELECT * FROM ${table};\n");
    FluentConfiguration configuration = flyway().placeholders(Map.of("table", "orders", "owner", "shop"));

    Map<String, Migration> ours = byFile(new FlywayFormat(configuration).read(dir));

    assertThat(ours.get("V1__create.sql").upScript()).isEqualTo("-- for shop\nCREATE TABLE public.orders (id int);\n"
        + "COMMENT ON TABLE orders IS 'V1__create.sql by shop';\n");
    configuration.load().migrate();
    assertThat(TestDatabases.query(db, "SELECT obj_description('public.orders'::regclass)"))
        .isEqualTo("V1__create.sql by shop");
    assertThat(TestDatabases.query(db, "SELECT to_regclass('orders_view')")).isNotNull();
  }

  @Test
  void checksums_are_the_ones_flyway_records() throws IOException {
    file("V1__lf.sql", "CREATE TABLE a (id int);\n-- ${table}\n");
    file("V2__crlf_and_bom.sql", "\uFEFFCREATE TABLE b (id int);\r\n\r\nCREATE TABLE c (id int);");
    file("V3__unicode.sql", "COMMENT ON TABLE a IS 'größe ✓';\r");
    file("R__view.sql", "CREATE OR REPLACE VIEW ${table}_v AS SELECT 1 AS one;\n");
    FluentConfiguration configuration = flyway().placeholders(Map.of("table", "a"));
    MigrationSet set = new FlywayFormat(configuration).read(dir);
    configuration.load().migrate();

    Map<String, Integer> recorded = Arrays.stream(configuration.load().info().applied())
        .collect(Collectors.toMap(MigrationInfo::getScript, MigrationInfo::getChecksum));
    FlywayScripts scripts = new FlywayScripts(configuration);
    for (Migration m : set.migrations()) {
      String name = m.file().getFileName().toString();
      int ours = m.version() == null ? FlywayChecksum.of(m.upScript())
          : FlywayChecksum.of(scripts.rawText(new ScriptResource(name, name, m.file(), Files.readAllBytes(m.file())),
              ScriptConfig.NONE));
      assertThat(ours).as(name).isEqualTo(recorded.get(name));
    }
  }

  @Test
  void an_undefined_placeholder_is_an_error_naming_file_and_line() throws IOException {
    file("V1__create.sql", "SELECT 1;\nCREATE TABLE ${missing} (id int);\n");
    assertThatThrownBy(() -> new FlywayFormat(flyway()).read(dir)).isInstanceOf(MigrationFormatException.class)
        .hasMessageContaining("V1__create.sql:2").hasMessageContaining("${missing}");
    assertThatThrownBy(() -> flyway().load().migrate()).hasMessageContaining("No value provided for placeholder");
  }

  @Test
  void replacement_can_be_turned_off_per_script_and_globally() throws IOException {
    file("V1__literal.sql", "SELECT '${not_a_placeholder}';\n");
    file("V1__literal.sql.conf", "placeholderReplacement=false\n");
    assertThat(new FlywayFormat(flyway()).read(dir).migrations().get(0).upScript()).contains("${not_a_placeholder}");
    flyway().load().migrate();
    Files.delete(dir.resolve("V1__literal.sql.conf"));
    assertThat(new FlywayFormat(flyway().placeholderReplacement(false)).read(dir).migrations()).hasSize(1);
  }

  @Test
  void the_transaction_of_each_script_is_flyways() throws IOException {
    file("V1__table.sql", "CREATE TABLE t (id int, v text);\n");
    file("V2__concurrent.sql", "CREATE INDEX CONCURRENTLY t_v ON t (v);\n");
    file("V3__forced.sql", "CREATE TABLE u (id int);\n");
    file("V3__forced.sql.conf", "executeInTransaction=false\n");
    file("V4__plain.sql", "CREATE TABLE w (id int);\n");
    Map<String, Migration> ours = byFile(new FlywayFormat(flyway()).read(dir));
    assertThat(ours.get("V1__table.sql").transactional()).isTrue();
    assertThat(ours.get("V2__concurrent.sql").transactional()).isFalse();
    assertThat(ours.get("V3__forced.sql").transactional()).isFalse();
    assertThat(ours.get("V4__plain.sql").transactional()).isTrue();

    FluentConfiguration configuration = flyway();
    configuration.getPluginRegister()
        .getPlugin(org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    configuration.load().migrate();
    assertThat(TestDatabases.query(db, "SELECT indisvalid FROM pg_index WHERE indexrelid = 't_v'::regclass"))
        .isEqualTo("t");
  }

  @Test
  void a_script_mixing_both_kinds_is_refused_as_flyway_refuses_it() throws IOException {
    file("V1__mixed.sql", "CREATE TABLE t (id int, v text);\nCREATE INDEX CONCURRENTLY t_v ON t (v);\n");
    assertThatThrownBy(() -> new FlywayFormat(flyway()).read(dir)).isInstanceOf(MigrationFormatException.class)
        .hasMessageContaining("V1__mixed.sql:2").hasMessageContaining("mixed=true");
    assertThatThrownBy(() -> flyway().load().migrate())
        .hasMessageContaining("Detected both transactional and non-transactional statements");

    MigrationSet mixed = new FlywayFormat(Flyway.configure().mixed(true)).read(dir);
    assertThat(mixed.migrations().get(0).transactional()).isFalse();
  }

  @Test
  void a_script_conf_with_an_unknown_key_is_an_error() throws IOException {
    file("V1__a.sql", "SELECT 1;\n");
    file("V1__a.sql.conf", "shouldExecute=true\n");
    assertThatThrownBy(() -> new FlywayFormat().read(dir)).isInstanceOf(MigrationFormatException.class)
        .hasMessageContaining("V1__a.sql.conf").hasMessageContaining("shouldExecute");
  }

  @Test
  void another_encoding_is_read_as_configured() throws IOException {
    Files.write(dir.resolve("V1__latin1.sql"), "COMMENT ON SCHEMA public IS 'größe';\n"
        .getBytes(StandardCharsets.ISO_8859_1));
    Files.writeString(dir.resolve("V1__latin1.sql.conf"), "encoding=ISO-8859-1\n");
    assertThat(new FlywayFormat().read(dir).migrations().get(0).upScript()).contains("größe");
    Files.delete(dir.resolve("V1__latin1.sql.conf"));
    assertThatThrownBy(() -> new FlywayFormat().read(dir)).isInstanceOf(io.migrationsafety.sql.SqlSyntaxException.class)
        .hasMessageContaining("invalid UTF-8");
  }
}
