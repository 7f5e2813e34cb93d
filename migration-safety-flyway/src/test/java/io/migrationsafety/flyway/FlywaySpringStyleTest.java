package io.migrationsafety.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registering the callback the way docs/flyway.md tells Spring Boot users to: a hook shaped like
 * Boot's {@code FlywayConfigurationCustomizer} ({@code void customize(FluentConfiguration)}) adds it
 * to the callbacks Boot already set, then the application's Flyway migrates. Spring itself is not
 * needed to show that the hook keeps the existing callbacks and that the review blocks.
 */
class FlywaySpringStyleTest {

  /** The shape of Spring Boot's {@code FlywayConfigurationCustomizer}. */
  @FunctionalInterface
  interface ConfigurationCustomizer {
    void customize(FluentConfiguration configuration);
  }

  /** A callback the application already had, as Boot registers {@code Callback} beans. */
  static final class Recording extends BaseCallback {
    final List<Event> events = new ArrayList<>();

    @Override
    public void handle(Event event, Context context) {
      events.add(event);
    }
  }

  @TempDir
  Path dir;

  /** What docs/flyway.md shows as the customizer's body. */
  private final ConfigurationCustomizer migrationSafety = configuration -> {
    List<Callback> callbacks = new ArrayList<>(List.of(configuration.getCallbacks()));
    callbacks.add(new MigrationSafetyCallback());
    configuration.callbacks(callbacks.toArray(Callback[]::new));
  };

  @Test
  void a_customizer_adds_the_callback_beside_the_applications_own() throws IOException {
    String db = TestDatabases.create();
    Files.writeString(dir.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, status text);\n");
    Recording existing = new Recording();
    FluentConfiguration boot = new FluentConfiguration().dataSource(TestDatabases.superuser(db))
        .locations("filesystem:" + dir.toAbsolutePath()).callbacks(existing);
    migrationSafety.customize(boot);
    assertThat(boot.getCallbacks()).hasSize(2);

    boot.load().migrate();
    assertThat(existing.events).contains(Event.BEFORE_MIGRATE, Event.AFTER_MIGRATE);

    Files.writeString(dir.resolve("V2__drop.sql"), "DROP TABLE orders;\n");
    assertThatThrownBy(() -> boot.load().migrate()).hasStackTraceContaining("ban-drop-table");
    assertThat(TestDatabases.query(db, "SELECT to_regclass('orders')")).isNotNull();
  }
}
