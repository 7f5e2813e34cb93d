package io.migrationsafety.parse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.Volatility;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The volatility table is PostgreSQL's own: every entry equals {@code pg_proc.provolatile} on a
 * real server (the least predictable of a name's overloads, or of those with a given number of
 * arguments), with uuid-ossp and pgcrypto installed.
 */
class FunctionVolatilityCatalogTest {

  /** Entries that pg_proc of PostgreSQL 16 with those extensions cannot confirm, and why. */
  private static final Set<String> OUTSIDE_CATALOG = Set.of(
      // SQL-standard key-word functions: parsed into SQLValueFunction, not pg_proc entries; stable.
      "current_timestamp", "current_date", "current_time", "localtime", "localtimestamp",
      "current_role", "user", "current_catalog",
      // PostgreSQL 18 functions: uuidv4(), uuidv7() volatile; casefold() immutable.
      "uuidv4", "uuidv7", "casefold",
      // Extensions not installed here: dblink (volatile), PostGIS (immutable constructors).
      "dblink", "dblink_exec", "st_makepoint", "st_setsrid", "st_point");

  @Test
  void every_entry_matches_pg_proc() throws Exception {
    Map<String, String> catalog = new HashMap<>();
    List<Overload> overloads = new ArrayList<>();
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION \"uuid-ossp\"");
      s.execute("CREATE EXTENSION pgcrypto");
      try (ResultSet rs = s.executeQuery("SELECT p.proname, p.pronargs, p.pronargdefaults, p.provariadic <> 0,"
          + " p.provolatile FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
          + " WHERE n.nspname IN ('pg_catalog', 'public')")) {
        while (rs.next()) {
          Overload o = new Overload(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4), rs.getString(5));
          overloads.add(o);
          catalog.merge(o.name(), o.provolatile(), String::concat);
        }
      }
    }
    List<String> wrong = new ArrayList<>();
    FunctionVolatility.table().forEach((name, ours) -> {
      String provolatile = catalog.get(name);
      if (provolatile == null) {
        if (!OUTSIDE_CATALOG.contains(name)) {
          wrong.add(name + ": not in pg_proc");
        }
      } else if (ours != leastPredictable(provolatile)) {
        wrong.add(name + ": " + ours + " but pg_proc says " + provolatile);
      }
    });
    FunctionVolatility.tableByArgumentCount().forEach((nameAndCount, ours) -> {
      String name = nameAndCount.substring(0, nameAndCount.indexOf('/'));
      int count = Integer.parseInt(nameAndCount.substring(nameAndCount.indexOf('/') + 1));
      StringBuilder provolatile = new StringBuilder();
      overloads.stream().filter(o -> o.name().equals(name) && o.accepts(count))
          .forEach(o -> provolatile.append(o.provolatile()));
      if (provolatile.length() == 0 || ours != leastPredictable(provolatile.toString())) {
        wrong.add(nameAndCount + ": " + ours + " but pg_proc says '" + provolatile + "'");
      }
    });
    assertThat(wrong).isEmpty();
  }

  /** One row of pg_proc. */
  private record Overload(String name, int arguments, int defaults, boolean variadic, String provolatile) {

    /** Whether a call with {@code count} arguments may resolve to this overload. */
    boolean accepts(int count) {
      return count >= arguments - defaults && (count <= arguments || variadic);
    }
  }

  private static Volatility leastPredictable(String provolatile) {
    if (provolatile.contains("v")) {
      return Volatility.VOLATILE;
    }
    return provolatile.contains("s") ? Volatility.STABLE : Volatility.IMMUTABLE;
  }
}
