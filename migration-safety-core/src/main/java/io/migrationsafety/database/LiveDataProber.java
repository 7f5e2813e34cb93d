package io.migrationsafety.database;

import io.migrationsafety.operation.DataType;
import io.migrationsafety.policy.DataProbeSettings;
import io.migrationsafety.probe.DataProbe;
import io.migrationsafety.probe.DataProber;
import io.migrationsafety.probe.ProbeResult;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Schema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs data probes on a live database, never writing to it.
 *
 * <p>A review's session opens one connection when its first probe runs, checks the role with the
 * {@link ReadOnlyGuard}, and starts one {@code READ ONLY} transaction at {@code REPEATABLE READ}
 * (every probe sees the same snapshot), rolled back when the review ends. Each probe runs in a
 * savepoint with its own {@code SET LOCAL statement_timeout}: the policy's timeout, cut to what
 * is left of the review's budget. A probe the server cancels, or one that fails, is rolled back to
 * its savepoint and reports {@link ProbeResult.Unknown}; the next probe goes on.
 *
 * <p>A probe runs only when every column it reads is in the database as the probe expects it
 * (same table, same type): the probes never touch a table or column the migrations create.
 */
public final class LiveDataProber implements DataProber {

  /** SQLSTATE of a statement cancelled by {@code statement_timeout}. */
  private static final String QUERY_CANCELED = "57014";

  private final DatabaseTarget target;
  private final Schema live;
  private final DataProbeSettings settings;
  private final boolean allowWritable;

  private LiveDataProber(DatabaseTarget target, Schema live, DataProbeSettings settings, boolean allowWritable) {
    this.target = Objects.requireNonNull(target, "target");
    this.live = Objects.requireNonNull(live, "live");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.allowWritable = allowWritable;
  }

  /**
   * A prober for the database at {@code target}, whose schema was read as {@code live}.
   *
   * @param allowWritable probe even through a role that can write (the probes still only read)
   */
  public static LiveDataProber of(DatabaseTarget target, Schema live, DataProbeSettings settings,
      boolean allowWritable) {
    return new LiveDataProber(target, live, settings, allowWritable);
  }

  /** A prober for {@code target} when {@code settings} enable probes; else one that probes nothing. */
  public static DataProber ifEnabled(DatabaseTarget target, Schema live, DataProbeSettings settings,
      boolean allowWritable) {
    return settings.enabled() ? of(target, live, settings, allowWritable) : DataProber.off();
  }

  @Override
  public Session open() {
    return new LiveSession();
  }

  /** One review's probes: one connection, one read-only transaction, one budget. */
  private final class LiveSession implements Session {

    private Connection connection;
    private String unavailable;
    private long spentMillis;

    @Override
    public Optional<ProbeResult> run(DataProbe probe) {
      if (!readsMatch(probe)) {
        return Optional.empty();
      }
      long left = settings.budgetMillis() - spentMillis;
      if (left <= 0) {
        return Optional.of(new ProbeResult.Unknown("the review's data-probe budget of " + settings.budgetMillis()
            + " ms was spent on earlier probes"));
      }
      if (!connected()) {
        return Optional.of(new ProbeResult.Unknown("the database could not be probed: " + unavailable));
      }
      long timeout = Math.min(settings.timeoutMillis(), left);
      long start = System.nanoTime();
      try {
        return Optional.of(probe(probe, timeout));
      } finally {
        spentMillis += (System.nanoTime() - start) / 1_000_000;
      }
    }

    private ProbeResult probe(DataProbe probe, long timeout) {
      try (Statement st = connection.createStatement()) {
        st.execute("SAVEPOINT probe");
        st.execute("SET LOCAL statement_timeout = " + timeout);
        // A client-side bound too, should the server not cancel (a network stall).
        st.setQueryTimeout((int) Math.min(Integer.MAX_VALUE, timeout / 1000 + 10));
        try (ResultSet rs = st.executeQuery(probe.query())) {
          rs.next();
          long rows = rs.getLong(1);
          String example = rs.getString(2);
          st.execute("RELEASE SAVEPOINT probe");
          if (probe.kind() == DataProbe.Kind.CAST_FAILURES || rows == 0) {
            return new ProbeResult.Clean();
          }
          return new ProbeResult.Violations(Math.min(rows, DataProbe.LIMIT), rows > DataProbe.LIMIT, example);
        } catch (SQLException e) {
          st.execute("ROLLBACK TO SAVEPOINT probe");
          return failed(probe, e, timeout);
        }
      } catch (SQLException e) {
        return new ProbeResult.Unknown("the probe could not run: " + e.getMessage());
      }
    }

    /**
     * A conversion probe that hits a data exception (SQLSTATE class 22) has found a value that does
     * not convert. The server's message is not passed on: it quotes the value.
     */
    private ProbeResult failed(DataProbe probe, SQLException e, long timeout) {
      String state = String.valueOf(e.getSQLState());
      if (state.equals(QUERY_CANCELED)) {
        return new ProbeResult.Unknown("the probe took longer than its " + timeout + " ms timeout");
      }
      if (probe.kind() == DataProbe.Kind.CAST_FAILURES && state.startsWith("22")) {
        return new ProbeResult.Violations(1, true, null);
      }
      return new ProbeResult.Unknown("the probe failed with SQLSTATE " + state);
    }

    private boolean readsMatch(DataProbe probe) {
      for (DataProbe.Read read : probe.reads()) {
        Optional<Column> column = live.table(read.table()).flatMap(t -> t.column(read.column()));
        if (column.isEmpty() || read.type() != null && !sameType(column.get().type(), read.type())) {
          return false;
        }
      }
      return live.table(probe.table()).isPresent();
    }

    private boolean sameType(DataType a, DataType b) {
      return a.name().equals(b.name()) && a.modifiers().equals(b.modifiers()) && a.arrayDimensions() == b.arrayDimensions();
    }

    private boolean connected() {
      if (connection != null) {
        return true;
      }
      if (unavailable != null) {
        return false;
      }
      Connection c = null;
      try {
        c = target.connect();
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
          st.execute("START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
        }
        ReadOnlyGuard.check(c, allowWritable);
        connection = c;
        return true;
      } catch (SQLException | RuntimeException e) {
        unavailable = e.getMessage();
        closeQuietly(c);
        return false;
      }
    }

    @Override
    public void close() {
      if (connection != null) {
        try (Statement st = connection.createStatement()) {
          st.execute("ROLLBACK");
        } catch (SQLException e) {
          // Closing the connection ends the transaction anyway.
        }
        closeQuietly(connection);
        connection = null;
      }
    }

    private void closeQuietly(Connection c) {
      if (c != null) {
        try {
          c.close();
        } catch (SQLException e) {
          // Nothing was written; a failed close loses nothing.
        }
      }
    }
  }
}
