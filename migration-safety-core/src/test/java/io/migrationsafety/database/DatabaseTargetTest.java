package io.migrationsafety.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseTargetTest {

  @Test
  void converts_a_libpq_uri_to_jdbc_with_user_and_password_as_properties() {
    DatabaseTarget target = DatabaseTarget.of("postgres://app:s%40cret@db.internal:6543/orders?sslmode=require");

    assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/orders?sslmode=require");
    assertThat(target.properties()).containsEntry("user", "app").containsEntry("password", "s@cret");
  }

  @Test
  void reads_postgresql_scheme_several_hosts_and_user_in_the_query() {
    DatabaseTarget target = DatabaseTarget.of("postgresql://h1:5432,h2:5433/app?user=me&password=pw&connectTimeout=3");

    assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://h1:5432,h2:5433/app?connectTimeout=3");
    assertThat(target.properties()).containsEntry("user", "me").containsEntry("password", "pw");
    assertThat(target.description()).isEqualTo("postgresql://h1:5432,h2:5433/app?user=me&password=***&connectTimeout=3");
  }

  @Test
  void defaults_to_localhost_without_a_host() {
    assertThat(DatabaseTarget.of("postgres:///app").jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/app");
  }

  @Test
  void keeps_a_jdbc_url_as_it_is() {
    DatabaseTarget target = DatabaseTarget.of("jdbc:postgresql://localhost:5432/app?user=u&password=topsecret");

    assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/app?user=u&password=topsecret");
    assertThat(target.description()).doesNotContain("topsecret").contains("password=***");
  }

  @Test
  void never_prints_the_password() {
    DatabaseTarget target = DatabaseTarget.of("postgres://user:hunter2@db.example.com/app");

    assertThat(target.toString()).isEqualTo("DatabaseTarget[postgres://user:***@db.example.com/app]");
    assertThat(target.description()).doesNotContain("hunter2");
  }

  @Test
  void redacts_a_password_containing_at_signs_and_colons() {
    assertThat(ConnectionUrl.redact("postgres://user:p@ss:w@rd@host/db")).isEqualTo("postgres://user:***@host/db");
    assertThat(DatabaseTarget.of("postgres://user:p@ss:w@rd@host/db").properties())
        .containsEntry("password", "p@ss:w@rd");
  }

  @Test
  void rejects_other_urls_without_echoing_the_password() {
    assertThatThrownBy(() -> DatabaseTarget.of("mysql://root:hunter2@host/db"))
        .isExactlyInstanceOf(io.migrationsafety.MigrationSafetyException.class)
        .hasMessageContaining("mysql://root:***@host/db")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void reads_the_environment_variable() {
    assertThat(DatabaseTarget.fromEnvironment(Map.of())).isEmpty();
    assertThat(DatabaseTarget.fromEnvironment(Map.of(DatabaseTarget.ENVIRONMENT_VARIABLE, " "))).isEmpty();
    assertThat(DatabaseTarget.fromEnvironment(Map.of(DatabaseTarget.ENVIRONMENT_VARIABLE, "postgres://u:pw@h/d")))
        .hasValueSatisfying(t -> assertThat(t.description()).isEqualTo("postgres://u:***@h/d"));
  }

  @Test
  void a_server_that_is_not_there_is_a_typed_error_naming_host_and_database_without_the_password()
      throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // free once closed: nothing listens there
    }
    DatabaseTarget target = DatabaseTarget.of("postgres://app:hunter2secret@127.0.0.1:" + port + "/orders");

    assertThatThrownBy(target::connect)
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageContaining("\"orders\" on 127.0.0.1:" + port)
        .hasMessageNotContaining("hunter2secret");
    assertThatThrownBy(() -> target.read(false)).isInstanceOf(DatabaseUnavailableException.class);
  }

  @Test
  void scrubs_a_password_the_driver_quotes_back() {
    assertThat(ConnectionUrl.scrub("bad option near hunter2", "hunter2")).isEqualTo("bad option near ***");
  }
}
