package io.migrationsafety.rollback;

import io.migrationsafety.database.DatabaseTarget;
import io.migrationsafety.database.DatabaseUnavailableException;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.drift.DriftOptions;
import io.migrationsafety.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Proves rollbacks on real PostgreSQL: on a scratch database it builds the schema before a
 * migration, runs the migration, runs the rollback, and compares the schema it reads back from
 * {@code pg_catalog} with the one before, naming every difference.
 *
 * <pre>{@code
 * List<RollbackPlan> plans = Rollbacks.plan(set, Schema.empty());
 * List<VerifiedRollback> verified = RollbackRoundTrip.onScratch(DatabaseTarget.of(scratchDataSource))
 *     .verify(set, plans, "");
 * }</pre>
 *
 * <p>The scratch database is written to and wiped: never give it a database that holds anything
 * worth keeping. {@link #verify} refuses one that is not empty, and leaves it empty.
 */
public final class RollbackRoundTrip {

  private final DatabaseTarget scratch;

  private RollbackRoundTrip(DatabaseTarget scratch) {
    this.scratch = scratch;
  }

  /**
   * Round trips on {@code scratch}, which the caller gives up to be written and wiped.
   */
  public static RollbackRoundTrip onScratch(DatabaseTarget scratch) {
    return new RollbackRoundTrip(Objects.requireNonNull(scratch, "scratch"));
  }

  /**
   * Runs, for each pending migration of {@code set} in order, its synthesized rollback and the down script
   * it ships, each right after the migration itself, on the schema the earlier migrations built.
   *
   * @param plans the plans of {@link Rollbacks#plan(MigrationSet, Schema)} for {@code set}, in the
   *     same order
   * @param setupSql SQL that builds the schema the first migration starts from (empty for an empty
   *     database)
   * @throws ScratchDatabaseException when the scratch database is not empty
   * @throws DatabaseUnavailableException when it cannot be reached, or setup fails
   */
  public List<VerifiedRollback> verify(MigrationSet set, List<RollbackPlan> plans, String setupSql) {
    if (plans.size() != set.pending().size()) {
      throw new IllegalArgumentException("one plan per pending migration: " + plans.size() + " plans for "
          + set.pending().size() + " migrations");
    }
    RoundTripScript setup = new RoundTripScript("the starting schema", setupSql, true);
    try (Connection connection = scratch.connect()) {
      ScratchRunner.requireEmpty(connection, scratch.description());
      try {
        return verifyAll(connection, set, plans, setup);
      } finally {
        ScratchRunner.wipe(connection);
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("rollback verification on " + scratch.description() + " failed: "
          + e.getMessage(), e);
    }
  }

  private static List<VerifiedRollback> verifyAll(Connection connection, MigrationSet set, List<RollbackPlan> plans,
      RoundTripScript setup) throws SQLException {
    String setupFailure = ScratchRunner.run(connection, setup);
    if (setupFailure != null) {
      throw new DatabaseUnavailableException("cannot build the starting schema on the scratch database: "
          + setupFailure, null);
    }
    List<VerifiedRollback> out = new ArrayList<>();
    List<RoundTripScript> done = new ArrayList<>();
    String broken = null;
    List<Migration> pending = set.pending();
    for (int i = 0; i < plans.size(); i++) {
      Migration migration = pending.get(i);
      RollbackPlan plan = plans.get(i);
      if (broken != null) {
        out.add(new VerifiedRollback(plan.file(), null, null, broken));
        continue;
      }
      RoundTripScript forward = new RoundTripScript(plan.file(), migration.upScript(), migration.transactional());
      RoundTrip synthesized = null;
      if (plan.reversible()) {
        synthesized = roundTrip(connection, forward, new RoundTripScript("rollback of " + plan.file(), plan.sql(),
            !plan.outsideTransaction()), setup, done);
      }
      RoundTrip down = null;
      if (migration.hasDownScript()) {
        down = roundTrip(connection, forward, new RoundTripScript(
            set.directory().relativize(migration.downFile()).toString(), migration.downScript(),
            migration.transactional()), setup, done);
      }
      String failure = ScratchRunner.run(connection, forward);
      if (failure != null) {
        broken = "not run: " + failure;
        out.add(new VerifiedRollback(plan.file(), null, null, broken));
        continue;
      }
      done.add(forward);
      out.add(new VerifiedRollback(plan.file(), synthesized, down, null));
    }
    return out;
  }

  /**
   * One round trip; afterwards the database is in the state before {@code forward} again, rebuilt
   * from scratch when the rollback left it elsewhere.
   */
  private static RoundTrip roundTrip(Connection connection, RoundTripScript forward, RoundTripScript rollback,
      RoundTripScript setup, List<RoundTripScript> done) throws SQLException {
    RoundTrip trip = check(connection, forward, rollback);
    if (!trip.restoresSchema()) {
      ScratchRunner.wipe(connection);
      for (RoundTripScript script : concat(setup, done)) {
        String failure = ScratchRunner.run(connection, script);
        if (failure != null) {
          throw new DatabaseUnavailableException("cannot rebuild the scratch database: " + failure, null);
        }
      }
    }
    return trip;
  }

  /**
   * One round trip on {@code connection}, whose database holds the schema before {@code forward}:
   * reads the schema, runs {@code forward} and then {@code rollback}, and reads the schema again.
   * When the result restores the schema, the database is as it was before.
   *
   * @throws SQLException when the schema cannot be read
   */
  public static RoundTrip check(Connection connection, RoundTripScript forward, RoundTripScript rollback)
      throws SQLException {
    Schema before = ScratchRunner.schema(connection);
    String failure = ScratchRunner.run(connection, forward);
    if (failure != null) {
      return RoundTrip.failed("the migration itself failed: " + failure);
    }
    failure = ScratchRunner.run(connection, rollback);
    if (failure != null) {
      return RoundTrip.failed(failure);
    }
    return RoundTrip.compared(RollbackDifferences.between(before, ScratchRunner.schema(connection),
        DriftOptions.Expressions.EXACT));
  }

  /**
   * Runs {@code script} on {@code connection} as a round trip runs it: statement by statement, in one
   * transaction when the script is transactional and does not control transactions itself.
   *
   * @return the statement PostgreSQL refused ({@code file line N: message}), or {@code null}
   * @throws SQLException when the connection fails
   */
  public static String apply(Connection connection, RoundTripScript script) throws SQLException {
    return ScratchRunner.run(connection, script);
  }

  private static List<RoundTripScript> concat(RoundTripScript first, List<RoundTripScript> rest) {
    List<RoundTripScript> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
