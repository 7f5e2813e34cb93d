package io.migrationsafety.corpus;

import io.migrationsafety.database.SchemaIntrospector;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.rollback.RollbackPlan;
import io.migrationsafety.rollback.RollbackRoundTrip;
import io.migrationsafety.rollback.RollbackStep;
import io.migrationsafety.rollback.Rollbacks;
import io.migrationsafety.rollback.RoundTrip;
import io.migrationsafety.rollback.RoundTripScript;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.sql.SqlSplitter;
import io.migrationsafety.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test helper: walks a chain of migrations on a real PostgreSQL database, in order. Before each
 * migration runs for good, its synthesized rollback (planned on the schema introspected there) and
 * the down script it ships, if any, are each run right after it and the schema compared with the
 * one before. Tallies what round-trips.
 */
final class ChainRoundTrip {

  /**
   * One migration of a chain.
   *
   * @param name its file name
   * @param up its forward script
   * @param down the down script it ships, or null
   */
  record Step(String name, String up, String down) {}

  /** What a chain showed. */
  static final class Figures {
    final String label;
    int migrations;
    int reversible;
    int synthesizedRoundTrips;
    int irreversible;
    int downScripts;
    int downScriptRoundTrips;
    final List<String> synthesizedFailures = new ArrayList<>();
    final List<String> downScriptFailures = new ArrayList<>();
    final Map<String, Integer> reasons = new TreeMap<>();

    Figures(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "rollback round trips %s: %d migrations; synthesized rollback reversible %d"
          + " (%s), of which %d round-trip on PostgreSQL (%s); declared irreversible %d (%s);"
          + " shipped down scripts %d, of which %d round-trip%n  irreversible reasons: %s%n"
          + "  synthesized failures: %s%n  down-script failures: %s",
          label, migrations, reversible, share(reversible, migrations), synthesizedRoundTrips,
          share(synthesizedRoundTrips, reversible), irreversible, share(irreversible, migrations), downScripts,
          downScriptRoundTrips, reasons, synthesizedFailures, downScriptFailures);
    }

    private static String share(int part, int whole) {
      return whole == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100.0 * part / whole);
    }
  }

  private ChainRoundTrip() {}

  static Figures run(String label, Connection connection, List<Step> chain) throws SQLException {
    Figures figures = new Figures(label);
    List<Step> done = new ArrayList<>();
    for (Step step : chain) {
      figures.migrations++;
      connection.setAutoCommit(true);
      Schema before = SchemaIntrospector.introspect(connection).schema();
      RollbackPlan plan = Rollbacks.plan(step.name(), SqlParser.parse(step.up(), step.name()), before, "public");
      RoundTripScript forward = new RoundTripScript(step.name(), step.up(), true);
      if (plan.reversible()) {
        figures.reversible++;
        RoundTrip trip = RollbackRoundTrip.check(connection, forward,
            new RoundTripScript("rollback of " + step.name(), plan.sql(), !plan.outsideTransaction()));
        if (trip.restoresSchema()) {
          figures.synthesizedRoundTrips++;
        } else {
          figures.synthesizedFailures.add(step.name() + ": " + describe(trip));
          rebuild(connection, done);
        }
      } else {
        figures.irreversible++;
        for (RollbackStep.Irreversible i : plan.irreversible()) {
          figures.reasons.merge(kind(i.reason()), 1, Integer::sum);
        }
      }
      if (step.down() != null) {
        figures.downScripts++;
        RoundTrip trip = RollbackRoundTrip.check(connection, forward,
            new RoundTripScript("down of " + step.name(), step.down(), true));
        if (trip.restoresSchema()) {
          figures.downScriptRoundTrips++;
        } else {
          figures.downScriptFailures.add(step.name() + ": " + describe(trip));
          rebuild(connection, done);
        }
      }
      run(connection, step.name(), step.up());
      done.add(step);
    }
    return figures;
  }

  /** After a round trip that did not come back, the chain so far is built again on an empty database. */
  private static void rebuild(Connection connection, List<Step> done) throws SQLException {
    connection.setAutoCommit(true);
    for (String schema : SchemaIntrospector.introspect(connection).schema().schemas()) {
      run(connection, "wipe", "DROP SCHEMA \"" + schema.replace("\"", "\"\"") + "\" CASCADE");
    }
    run(connection, "wipe", "CREATE SCHEMA IF NOT EXISTS public");
    for (Step step : done) {
      run(connection, step.name(), step.up());
    }
  }

  /** Runs a script for good, statement by statement; a chain that fails here cannot go on. */
  static void run(Connection connection, String name, String sql) throws SQLException {
    connection.setAutoCommit(true);
    for (SqlStatement s : SqlSplitter.split(sql, name).statements()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(s.text());
      } catch (SQLException e) {
        throw new SQLException(name + " line " + s.line() + ": " + e.getMessage(), e);
      }
    }
  }

  private static String describe(RoundTrip trip) {
    return trip.failure() != null ? trip.failure() : String.join("; ", trip.differences());
  }

  /** A reason without the names in it, so that equal reasons count together. */
  private static String kind(String reason) {
    return reason.replaceAll("\"[^\"]*\"|'[^']*'|\\b\\w+\\.\\w+\\b", "…").replaceAll("\\s+", " ");
  }
}
