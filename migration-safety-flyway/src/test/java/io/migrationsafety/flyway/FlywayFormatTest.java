package io.migrationsafety.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationsafety.MigrationSafety;
import io.migrationsafety.Review;
import io.migrationsafety.Verdict;
import io.migrationsafety.format.FormatMatch;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationFormatException;
import io.migrationsafety.format.MigrationFormats;
import io.migrationsafety.format.MigrationSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlywayFormatTest {

  @TempDir
  Path dir;

  private void file(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void flyway_names_are_flyways_own_while_other_sql_stays_plain() throws IOException {
    file("V1__create.sql", "CREATE TABLE a (id int);\n");
    assertThat(new FlywayFormat().detect(dir)).isEqualTo(FormatMatch.SPECIFIC);
    assertThat(MigrationFormats.installed().detect(dir).name()).isEqualTo("flyway");

    Path plain = Files.createDirectories(dir.resolve("plain"));
    Files.writeString(plain.resolve("001_create.sql"), "CREATE TABLE a (id int);\n");
    assertThat(new FlywayFormat().detect(plain)).isEqualTo(FormatMatch.NONE);
    assertThat(MigrationFormats.installed().detect(plain).name()).isEqualTo("plain-sql");

    Path repeatableOnly = Files.createDirectories(dir.resolve("r"));
    Files.writeString(repeatableOnly.resolve("R__views.sql"), "SELECT 1;\n");
    assertThat(new FlywayFormat().detect(repeatableOnly)).isEqualTo(FormatMatch.SPECIFIC);
  }

  @Test
  void a_project_with_flyway_conf_is_read_with_its_settings() throws IOException {
    file("flyway.conf", """
        flyway.locations=filesystem:sql
        flyway.sqlMigrationPrefix=M
        flyway.placeholders.table=orders
        """);
    file("sql/M1__create.sql", "CREATE TABLE ${table} (id int);\n");
    file("sql/V2__ignored_prefix.sql", "SELECT 1;\n");
    assertThat(new FlywayFormat().detect(dir)).isEqualTo(FormatMatch.SPECIFIC);
    MigrationSet set = new FlywayFormat().read(dir);
    assertThat(set.migrations()).singleElement().satisfies(m -> {
      assertThat(m.id()).isEqualTo("1");
      assertThat(m.upScript()).isEqualTo("CREATE TABLE orders (id int);\n");
    });
    assertThat(set.directory()).isEqualTo(dir.resolve("sql"));
  }

  @Test
  void a_project_with_flyway_toml_is_read_with_its_settings() throws IOException {
    file("flyway.toml", """
        databaseType = "PostgreSql"
        [environments.default]
        url = "jdbc:postgresql://localhost/shop"

        [flyway]
        locations = ["filesystem:migrations", "filesystem:more"]  # two of them
        mixed = true

        [flyway.placeholders]
        table = "orders"
        """);
    file("migrations/V1__create.sql", "CREATE TABLE ${table} (id int, v text);\nCREATE INDEX CONCURRENTLY i ON ${table} (v);\n");
    file("more/V2__more.sql", "SELECT 1;\n");
    MigrationSet set = new FlywayFormat().read(dir);
    assertThat(set.migrations()).extracting(Migration::id).containsExactly("1", "2");
    assertThat(set.migrations().get(0).upScript()).contains("CREATE TABLE orders");
    assertThat(set.migrations().get(0).transactional()).isFalse();
  }

  @Test
  void an_unreadable_toml_value_is_an_error_naming_its_line() throws IOException {
    file("flyway.toml", "[flyway]\nlocations = { inline = \"table\" }\n");
    assertThatThrownBy(() -> new FlywayFormat().read(dir)).isInstanceOf(MigrationFormatException.class)
        .hasMessageContaining("flyway.toml:2");
  }

  @Test
  void java_migrations_keep_their_place_and_are_reported_as_not_reviewable() {
    FluentConfiguration configuration = Flyway.configure().locations("classpath:db/javamigration");
    MigrationSet set = new FlywayFormat(configuration).read();

    assertThat(set.migrations()).extracting(Migration::id).containsExactly("1", "2", "3");
    assertThat(set.unreviewable()).containsOnlyKeys("2");
    assertThat(set.unreviewable().get("2")).contains("db.javamigration.V2__Backfill_status");

    Review review = MigrationSafety.builder().build().review(set);
    assertThat(review.migrations().get(1).findings()).extracting(f -> f.rule()).containsExactly("unreviewable-migration");
    assertThat(review.migrations().get(1).verdict()).isEqualTo(Verdict.WARNING);
  }

  @Test
  void java_migrations_are_where_flyway_puts_them() {
    String db = TestDatabases.create();
    FluentConfiguration configuration = Flyway.configure().locations("classpath:db/javamigration")
        .dataSource(TestDatabases.superuser(db));
    MigrationInfo[] flyways = configuration.load().info().all();
    assertThat(new FlywayFormat(configuration).read().migrations()).extracting(Migration::id)
        .containsExactlyElementsOf(Arrays.stream(flyways).map(m -> m.getVersion().getVersion()).toList());
  }

  @Test
  void classpath_locations_in_jars_are_read() {
    FluentConfiguration configuration = Flyway.configure().locations("classpath:db/migration_postgres");
    MigrationSet set = new FlywayFormat(configuration).read();
    assertThat(set.migrations()).hasSizeGreaterThanOrEqualTo(8);
    assertThat(set.migrations().get(0).file().toString()).startsWith("db/migration_postgres/V1__");
  }

  @Test
  void wildcard_locations_are_refused_rather_than_read_differently() {
    FluentConfiguration configuration = Flyway.configure().locations("filesystem:" + dir + "/**/sql");
    assertThatThrownBy(() -> new FlywayFormat(configuration).read()).isInstanceOf(MigrationFormatException.class)
        .hasMessageContaining("wildcards");
  }
}
