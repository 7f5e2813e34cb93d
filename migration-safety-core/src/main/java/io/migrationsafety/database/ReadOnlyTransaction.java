package io.migrationsafety.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs reading work inside one {@code READ ONLY} transaction at {@code REPEATABLE READ} that is
 * always rolled back: every query sees the same snapshot, and the server refuses any write.
 */
final class ReadOnlyTransaction {

  /** Work that reads over JDBC. */
  @FunctionalInterface
  interface Reading<T> {
    T run() throws SQLException;
  }

  private ReadOnlyTransaction() {}

  /**
   * Runs {@code reading} on {@code connection}. A connection in auto-commit mode gets a transaction
   * of its own; one that is not is made read-only for its current transaction, which is then
   * rolled back.
   *
   * @param what what the work does, for the error message ("reading the schema")
   * @throws DatabaseUnavailableException when a query fails
   */
  static <T> T run(Connection connection, String what, Reading<T> reading) {
    try {
      boolean autoCommit = connection.getAutoCommit();
      try (Statement st = connection.createStatement()) {
        st.execute(autoCommit
            ? "START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"
            // The driver has (or will have) opened a transaction: make it read-only from here on.
            : "SET TRANSACTION READ ONLY");
      }
      try {
        return reading.run();
      } finally {
        if (autoCommit) {
          try (Statement st = connection.createStatement()) {
            st.execute("ROLLBACK");
          }
        } else {
          connection.rollback();
        }
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException(what + " failed: " + e.getMessage(), e);
    }
  }
}
