package io.migrationsafety.execute;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** One embedded server per test class, and a fresh database on it for every test. */
final class StagingDatabase implements AutoCloseable {

  private static final AtomicInteger NEXT = new AtomicInteger();

  private final EmbeddedPostgres postgres;

  private StagingDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static StagingDatabase start() throws IOException {
    return new StagingDatabase(EmbeddedPostgres.builder().start());
  }

  /** A new, empty database; its JDBC URL (superuser, as a staging deploy role typically is). */
  String freshDatabase() throws SQLException {
    String name = "staging_" + NEXT.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    return postgres.getJdbcUrl("postgres", name);
  }

  int port() {
    return postgres.getPort();
  }

  static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url);
  }

  static void run(String url, String sql) throws SQLException {
    try (Connection c = connect(url); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  /** The rows of a one-column query, as text. */
  static List<String> strings(String url, String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = connect(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  static Path write(Path dir, String name, String sql) throws IOException {
    return Files.writeString(dir.resolve(name), sql);
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
