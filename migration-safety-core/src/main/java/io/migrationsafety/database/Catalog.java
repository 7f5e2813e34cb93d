package io.migrationsafety.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Shared pieces of the catalog queries. */
final class Catalog {

  /**
   * The SQL condition for a schema of the user's, over {@code pg_namespace n}: not
   * {@code pg_catalog}, {@code pg_toast}, {@code pg_temp_N}, {@code pg_toast_temp_N} (names
   * starting {@code pg_} are reserved for the system) nor {@code information_schema}.
   */
  static final String USER_SCHEMA = "(n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%')";

  private Catalog() {}

  /** One row of a query. */
  @FunctionalInterface
  interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  /** Runs {@code sql} and hands every row to {@code reader}. */
  static void query(Connection connection, String sql, RowReader reader) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      // Whole result sets are small (one row per column at most); fetch them in big batches.
      rs.setFetchSize(10_000);
      while (rs.next()) {
        reader.read(rs);
      }
    }
  }
}
