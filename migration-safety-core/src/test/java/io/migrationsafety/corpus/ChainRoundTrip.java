package io.migrationsafety.corpus;

import io.migrationsafety.database.SchemaIntrospector;
import io.migrationsafety.operation.OperationKind;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.rollback.RollbackPlan;
import io.migrationsafety.rollback.RollbackRoundTrip;
import io.migrationsafety.rollback.RollbackStep;
import io.migrationsafety.rollback.Rollbacks;
import io.migrationsafety.rollback.RoundTrip;
import io.migrationsafety.rollback.RoundTripScript;
import io.migrationsafety.schema.Schema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Test helper: walks a chain of migrations on a real PostgreSQL database, in order. Before each
 * migration runs for good, its synthesized rollback (planned on the schema introspected there) and
 * the down script it ships, if any, are each run right after it and the schema compared with the
 * one before. A round trip that changes rows runs on a copy of the chain's database (CREATE
 * DATABASE … TEMPLATE), so that what it does to rows (a data migration run twice, a down script that
 * deletes more than its migration inserted) cannot change what the next migration finds; one that
 * only changes structure runs on the chain's database, which is built again if it does not come
 * back. Tallies what round-trips.
 */
final class ChainRoundTrip {

  /** Statements that may change rows, or whose effects the parser cannot say. */
  private static final Set<OperationKind> ROW_CHANGES = EnumSet.of(OperationKind.DATA_CHANGE,
      OperationKind.TRUNCATE, OperationKind.DO_BLOCK, OperationKind.CALL, OperationKind.QUERY,
      OperationKind.UNRECOGNIZED);

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
    int incomplete;
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
          + " declared incomplete by the static check %d;"
          + " shipped down scripts %d, of which %d round-trip%n  irreversible reasons: %s%n"
          + "  synthesized failures: %s%n  down-script failures: %s",
          label, migrations, reversible, share(reversible, migrations), synthesizedRoundTrips,
          share(synthesizedRoundTrips, reversible), irreversible, share(irreversible, migrations), incomplete,
          downScripts,
          downScriptRoundTrips, reasons, synthesizedFailures, downScriptFailures);
    }

    private static String share(int part, int whole) {
      return whole == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100.0 * part / whole);
    }
  }

  private ChainRoundTrip() {}

  static Figures run(String label, EmbeddedPostgres postgres, String database, List<Step> chain)
      throws SQLException {
    Figures figures = new Figures(label);
    recreate(postgres, database, null);
    List<Step> done = new ArrayList<>();
    for (Step step : chain) {
      figures.migrations++;
      Schema before;
      try (Connection connection = postgres.getDatabase("postgres", database).getConnection()) {
        before = SchemaIntrospector.introspect(connection).schema();
      }
      RollbackPlan plan = Rollbacks.plan(step.name(), SqlParser.parse(step.up(), step.name()), before, "public");
      RoundTripScript forward = new RoundTripScript(step.name(), step.up(), true);
      if (plan.reversible() && !plan.check().restoresSchema()) {
        // Each step has an inverse, but the static check already says the result differs (a dropped
        // NOT NULL column comes back nullable): reported as such, not a rollback to verify.
        figures.incomplete++;
        figures.reasons.merge("static check: " + kind(String.join("; ", plan.check().differences())), 1,
            Integer::sum);
      } else if (plan.reversible()) {
        figures.reversible++;
        RoundTrip trip = roundTrip(postgres, database, done, forward,
            new RoundTripScript("rollback of " + step.name(), plan.sql(), !plan.outsideTransaction()));
        if (trip.restoresSchema()) {
          figures.synthesizedRoundTrips++;
        } else {
          figures.synthesizedFailures.add(step.name() + ": " + describe(trip));
        }
      } else {
        figures.irreversible++;
        for (RollbackStep.Irreversible i : plan.irreversible()) {
          figures.reasons.merge(kind(i.reason()), 1, Integer::sum);
        }
      }
      if (step.down() != null) {
        figures.downScripts++;
        RoundTrip trip = roundTrip(postgres, database, done, forward,
            new RoundTripScript("down of " + step.name(), step.down(), true));
        if (trip.restoresSchema()) {
          figures.downScriptRoundTrips++;
        } else {
          figures.downScriptFailures.add(step.name() + ": " + describe(trip));
        }
      }
      try (Connection connection = postgres.getDatabase("postgres", database).getConnection()) {
        run(connection, step.name(), step.up());
      }
      done.add(step);
    }
    return figures;
  }

  /** One round trip; {@code database} stays as it was. */
  private static RoundTrip roundTrip(EmbeddedPostgres postgres, String database, List<Step> done,
      RoundTripScript forward, RoundTripScript rollback) throws SQLException {
    boolean touchesRows = touchesRows(forward) || touchesRows(rollback);
    String target = touchesRows ? database + "_trip" : database;
    if (touchesRows) {
      recreate(postgres, target, database);
    }
    RoundTrip trip;
    try (Connection connection = postgres.getDatabase("postgres", target).getConnection()) {
      trip = RollbackRoundTrip.check(connection, forward, rollback);
    }
    if (!touchesRows && !trip.restoresSchema()) {
      recreate(postgres, database, null);
      try (Connection connection = postgres.getDatabase("postgres", database).getConnection()) {
        for (Step step : done) {
          run(connection, step.name(), step.up());
        }
      }
    }
    return trip;
  }

  /** Whether a script may change rows, or do what the parser cannot say (a DO block, an unparsed statement). */
  private static boolean touchesRows(RoundTripScript script) {
    return SqlParser.parse(script.sql(), script.file()).statements().stream()
        .flatMap(s -> s.operations().stream())
        .anyMatch(op -> ROW_CHANGES.contains(op.kind()));
  }


  private static void recreate(EmbeddedPostgres postgres, String database, String template) throws SQLException {
    try (Connection admin = postgres.getPostgresDatabase().getConnection();
         Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database);
      statement.execute("CREATE DATABASE " + database + (template == null ? "" : " TEMPLATE " + template));
    }
  }

  /** Runs a script for good, in one transaction as its tool does; a chain that fails here cannot go on. */
  static void run(Connection connection, String name, String sql) throws SQLException {
    String failure = RollbackRoundTrip.apply(connection, new RoundTripScript(name, sql, true));
    if (failure != null) {
      throw new SQLException(failure);
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
