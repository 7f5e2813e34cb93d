package io.migrationsafety.flyway;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** One embedded PostgreSQL for all tests of the module; each test takes a database of its own. */
final class TestDatabases {

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private TestDatabases() {}

  /** A new, empty database. */
  static synchronized String create() {
    try {
      if (postgres == null) {
        postgres = EmbeddedPostgres.builder().start();
        EmbeddedPostgres started = postgres;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            started.close();
          } catch (IOException ignored) {
            // the JVM is ending; the server's directory is temporary
          }
        }));
      }
      String name = "flyway_test_" + COUNTER.incrementAndGet();
      try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
        st.execute("CREATE DATABASE " + name);
      }
      return name;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A data source on {@code database} as the superuser (what Flyway migrates with). */
  static DataSource superuser(String database) {
    return postgres.getDatabase("postgres", database);
  }

  /** The JDBC URL of {@code database} for {@code user}. */
  static String url(String database, String user) {
    return postgres.getJdbcUrl(user, database);
  }

  /** Runs {@code sql} on {@code database} as the superuser. */
  static void execute(String database, String sql) {
    try (Connection c = superuser(database).getConnection(); Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first column of the first row of {@code sql}, as text. */
  static String query(String database, String sql) {
    try (Connection c = superuser(database).getConnection(); Statement st = c.createStatement();
        var rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
