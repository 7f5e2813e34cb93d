package io.migrationsafety.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationFormatException;
import io.migrationsafety.format.MigrationSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The format's view of a location, compared with Flyway's own {@code MigrationInfoService} on the same files. */
class FlywayOrderingTest {

  @TempDir
  Path dir;

  private final String db = TestDatabases.create();

  private void file(String name, String sql) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, sql);
  }

  private List<String> flywaysOrder(FluentConfiguration configuration) {
    MigrationInfo[] all = configuration.dataSource(TestDatabases.superuser(db))
        .locations("filesystem:" + dir.toAbsolutePath()).load().info().all();
    return Arrays.stream(all).map(m -> (m.getVersion() == null ? "R" : m.getVersion().getVersion()) + " "
        + m.getDescription()).toList();
  }

  private static List<String> ours(MigrationSet set) {
    return set.migrations().stream().map(m -> (m.version() == null ? "R" : m.id()) + " " + m.description()).toList();
  }

  @Test
  void orders_versions_and_repeatables_exactly_as_flyway() throws IOException {
    for (String name : List.of("V1__init.sql", "V1.1__one_one.sql", "V1_2__one_two.sql", "V1.2.10__ten.sql",
        "V1.2.9__nine.sql", "V2__two.sql", "V10__ten.sql", "V010.1__ten_one.sql", "sub/deeper/V3__nested.sql",
        "R__b_view.sql", "R__a_view.sql", "V4__Upper_Case.SQL")) {
      file(name, "SELECT 1;\n");
    }
    file("V5_single_underscore.sql", "SELECT 1;\n");
    file("notes.txt", "not a migration");
    file("U2__two.sql", "SELECT 2;\n");

    MigrationSet set = new FlywayFormat().read(dir);

    assertThat(ours(set)).isEqualTo(flywaysOrder(Flyway.configure()));
    assertThat(ours(set)).startsWith("1 init", "1.1 one one", "1.2 one two", "1.2.9 nine", "1.2.10 ten", "2 two");
    assertThat(set.migrations()).filteredOn(m -> m.id().equals("2")).singleElement()
        .satisfies(m -> assertThat(m.downScript()).isEqualTo("SELECT 2;\n"));
  }

  @Test
  void custom_prefixes_separator_and_suffixes_are_flyways() throws IOException {
    for (String name : List.of("M1-create.pgsql", "M2-add.sql", "RR-view.pgsql", "V3__default_name.sql")) {
      file(name, "SELECT 1;\n");
    }
    FluentConfiguration configuration = Flyway.configure().sqlMigrationPrefix("M").sqlMigrationSeparator("-")
        .repeatableSqlMigrationPrefix("RR").sqlMigrationSuffixes(".pgsql", ".sql");
    MigrationSet set = new FlywayFormat(configuration).read(dir);
    assertThat(ours(set)).isEqualTo(flywaysOrder(configuration)).containsExactly("1 create", "2 add", "R view");
  }

  @Test
  void two_scripts_with_one_version_are_refused_as_flyway_refuses_them() throws IOException {
    file("V1__a.sql", "SELECT 1;\n");
    file("V1.0__b.sql", "SELECT 1;\n");
    assertThatThrownBy(() -> new FlywayFormat().read(dir)).isInstanceOf(MigrationFormatException.class)
        .hasMessageContaining("same version (1)");
    Flyway flyway = Flyway.configure().dataSource(TestDatabases.superuser(db))
        .locations("filesystem:" + dir.toAbsolutePath()).load();
    assertThatThrownBy(flyway::migrate).hasMessageContaining("more than one migration with version 1");
  }

  @Test
  void invalid_names_are_ignored_as_flyway_ignores_them_unless_naming_is_validated() throws IOException {
    file("V1__a.sql", "SELECT 1;\n");
    file("Vacuum__stats.sql", "VACUUM;\n");
    file("V2_no_separator.sql", "SELECT 1;\n");
    file("R1__versioned_repeatable.sql", "SELECT 1;\n");
    MigrationSet set = new FlywayFormat().read(dir);
    assertThat(ours(set)).isEqualTo(flywaysOrder(Flyway.configure())).containsExactly("1 a");

    FluentConfiguration strict = Flyway.configure().validateMigrationNaming(true);
    assertThatThrownBy(() -> new FlywayFormat(strict).read(dir)).isInstanceOf(MigrationFormatException.class)
        .hasMessageContaining("validateMigrationNaming");
    Flyway flyway = strict.dataSource(TestDatabases.superuser(db)).locations("filesystem:" + dir.toAbsolutePath())
        .load();
    assertThatThrownBy(flyway::migrate).isNotNull();
  }

  @Test
  void ids_are_flyways_versions_and_repeatables_their_names() throws IOException {
    file("V1_1__x.sql", "SELECT 1;\n");
    file("R__refresh_views.sql", "SELECT 1;\n");
    List<Migration> migrations = new FlywayFormat().read(dir).migrations();
    assertThat(migrations).extracting(Migration::id).containsExactly("1.1", "R__refresh_views");
    assertThat(migrations.get(0).version().toString()).isEqualTo("1_1");
  }
}
