package io.migrationsafety.execute;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a failed statement outside a transaction can leave behind, found by comparing the catalog
 * before and after it: indexes left INVALID ({@code pg_index.indisvalid} false) by a failed
 * {@code CREATE INDEX CONCURRENTLY} or {@code REINDEX CONCURRENTLY}, and partitions left pending
 * detach ({@code pg_inherits.inhdetachpending}, PostgreSQL 14+) by a failed
 * {@code DETACH PARTITION … CONCURRENTLY}.
 */
final class Leftovers {

  private static final String INVALID_INDEXES = "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), "
      + "i.indrelid::regclass::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
      + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT i.indisvalid";
  private static final String PENDING_DETACH = "SELECT inhrelid::regclass::text, inhparent::regclass::text "
      + "FROM pg_inherits WHERE inhdetachpending";

  /** What was there: leftover key to its description. */
  private final Map<String, Leftover> found;

  private Leftovers(Map<String, Leftover> found) {
    this.found = found;
  }

  /** The catalog's leftovers now. */
  static Leftovers snapshot(Connection connection) throws SQLException {
    Map<String, Leftover> found = new LinkedHashMap<>();
    try (Statement st = connection.createStatement()) {
      try (ResultSet rs = st.executeQuery(INVALID_INDEXES)) {
        while (rs.next()) {
          String index = rs.getString(1);
          found.put("index " + index, new Leftover(
              "index " + index + " on " + rs.getString(2) + " is INVALID: the failed statement left it behind. "
                  + "PostgreSQL never uses it for queries but still updates it on every write to the table.",
              "SELECT indexrelid::regclass, indisvalid FROM pg_index WHERE indexrelid = '" + index + "'::regclass;",
              "DROP INDEX CONCURRENTLY IF EXISTS " + index + ";"));
        }
      }
      if (connection.getMetaData().getDatabaseMajorVersion() >= 14) {
        try (ResultSet rs = st.executeQuery(PENDING_DETACH)) {
          while (rs.next()) {
            String partition = rs.getString(1);
            String parent = rs.getString(2);
            found.put("detach " + partition, new Leftover(
                "partition " + partition + " of " + parent + " is pending detach: the concurrent detach stopped "
                    + "half-way. No other partition can be detached from " + parent + " until it is finished.",
                "SELECT inhrelid::regclass, inhdetachpending FROM pg_inherits WHERE inhrelid = '" + partition
                    + "'::regclass;",
                "ALTER TABLE " + parent + " DETACH PARTITION " + partition + " FINALIZE;"));
          }
        }
      }
    }
    return new Leftovers(found);
  }

  /** What is there now and was not at {@code before}. */
  static List<Leftover> since(Connection connection, Leftovers before) throws SQLException {
    List<Leftover> fresh = new ArrayList<>();
    snapshot(connection).found.forEach((key, leftover) -> {
      if (!before.found.containsKey(key)) {
        fresh.add(leftover);
      }
    });
    return fresh;
  }
}
