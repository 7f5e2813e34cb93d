package io.migrationsafety.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.callback.Callback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Spring Boot guide of docs/flyway.md, run: Boot 4's Flyway auto-configuration migrates at
 * start-up, with the callback added by a {@link FlywayConfigurationCustomizer} bean. Spring is a
 * test dependency only.
 */
class SpringBootFlywayTest {

  @TempDir
  Path dir;

  private static DataSource dataSource;

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(FlywayAutoConfiguration.class)
  static class Application {

    @Bean
    DataSource dataSource() {
      return dataSource;
    }

    @Bean
    FlywayConfigurationCustomizer migrationSafety() {
      return configuration -> {
        List<Callback> callbacks = new ArrayList<>(List.of(configuration.getCallbacks()));
        callbacks.add(new MigrationSafetyCallback());
        configuration.callbacks(callbacks.toArray(Callback[]::new));
      };
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
        .properties("spring.flyway.locations=filesystem:" + dir.toAbsolutePath()).run();
  }

  @Test
  void the_application_starts_on_safe_migrations_and_refuses_to_start_on_blocked_ones() throws IOException {
    String db = TestDatabases.create();
    dataSource = TestDatabases.superuser(db);
    Files.writeString(dir.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, status text);\n");
    try (ConfigurableApplicationContext context = start()) {
      assertThat(context.isRunning()).isTrue();
    }
    assertThat(TestDatabases.query(db, "SELECT count(*) FROM flyway_schema_history")).isEqualTo("1");

    Files.writeString(dir.resolve("V2__status_index.sql"), "CREATE INDEX orders_status ON orders (status);\n");
    assertThatThrownBy(this::start).hasStackTraceContaining("V2__status_index.sql:1")
        .hasStackTraceContaining("require-concurrent-index");
    assertThat(TestDatabases.query(db, "SELECT count(*) FROM flyway_schema_history")).isEqualTo("1");
    assertThat(TestDatabases.query(db, "SELECT to_regclass('orders_status')")).isNull();
  }
}
