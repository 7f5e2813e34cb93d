package io.migrationsafety.estimate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Measures a server's {@link Rates} on a scratch database: it builds a table of known shape in a
 * schema of its own ({@value #SCHEMA}), runs each kind of work the {@link CostModel} knows on it,
 * times it, and drops the schema. It writes, so it must only ever be pointed at a scratch database
 * the user named as such — never at the database a review reads.
 *
 * <p>The table: {@code id bigint PRIMARY KEY, k bigint, s text} (23 characters, a 24-byte key like
 * the model's default for text and expressions) and {@code n integer}; a parent table for the
 * foreign key. Each step runs on its own (auto-commit), after {@code VACUUM FULL} where free space
 * would let an UPDATE take the cheaper HOT path than a migration's backfill usually gets.
 */
public final class Calibrator {

  /** The schema the calibration creates and drops; it refuses to run when it exists. */
  public static final String SCHEMA = "migration_safety_calibration";

  private final Connection connection;
  private final Consumer<String> progress;

  /**
   * A calibrator on {@code scratch}, reporting each step to {@code progress}.
   *
   * @param scratch a connection to a scratch database the caller may write to
   */
  public Calibrator(Connection scratch, Consumer<String> progress) {
    this.connection = Objects.requireNonNull(scratch, "scratch");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * Measures the rates on a table of {@code rows} rows (a million takes about a minute on a small
   * machine; fewer rows measure start-up costs more than throughput).
   *
   * @param machine a description of the machine, saved in {@link Rates#measuredOn()}
   * @throws SQLException when a step fails, or the schema {@value #SCHEMA} already exists
   */
  public Rates calibrate(int rows, String machine) throws SQLException {
    if (rows < 1_000) {
      throw new IllegalArgumentException("calibrate on at least 1,000 rows (better a million)");
    }
    connection.setAutoCommit(true);
    if (exists()) {
      throw new SQLException("the schema " + SCHEMA + " exists already: an earlier calibration did not finish, or "
          + "this is not a scratch database; drop it by hand if it is yours to drop");
    }
    try {
      return measure(rows, machine);
    } finally {
      run("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }
  }

  private Rates measure(int rows, String machine) throws SQLException {
    String t = SCHEMA + ".t";
    step("creating " + SCHEMA + " with " + rows + " rows");
    run("CREATE SCHEMA " + SCHEMA);
    run("CREATE TABLE " + SCHEMA + ".parent (id bigint PRIMARY KEY)");
    run("INSERT INTO " + SCHEMA + ".parent SELECT g FROM generate_series(1, " + rows + ") g");
    run("CREATE TABLE " + t + " (id bigint PRIMARY KEY, k bigint NOT NULL, s text NOT NULL, n integer)");
    run("INSERT INTO " + t + " SELECT g, (g::bigint * 7919) % " + rows + " + 1, substr(md5(g::text), 1, 23), g % 1000"
        + " FROM generate_series(1, " + rows + ") g");
    run("VACUUM ANALYZE " + t);
    run("VACUUM ANALYZE " + SCHEMA + ".parent");
    double bytes = number("SELECT pg_total_relation_size('" + t + "')");

    step("catalog-only statements");
    double[] catalog = new double[5];
    for (int i = 0; i < catalog.length; i++) {
      catalog[i] = timed("ALTER TABLE " + t + " ALTER COLUMN n SET DEFAULT " + i);
    }
    Arrays.sort(catalog);
    double catalogMs = catalog[catalog.length / 2];

    step("b-tree index builds");
    double index8 = timed("CREATE INDEX t_k ON " + t + " (k)") - catalogMs;
    double indexMsPerRow = positive(index8) / rows;
    run("DROP INDEX " + SCHEMA + ".t_k");
    double concurrent = timed("CREATE INDEX CONCURRENTLY t_k ON " + t + " (k)") - catalogMs;
    run("DROP INDEX " + SCHEMA + ".t_k");
    double index24 = timed("CREATE INDEX t_s ON " + t + " (s)") - catalogMs;
    run("DROP INDEX " + SCHEMA + ".t_s");
    double perKeyByte = Math.max(0, (index24 - index8) / rows / (CostModel.WIDE_KEY_BYTES - 8));

    step("validation scan");
    double scan = timed("ALTER TABLE " + t + " ADD CONSTRAINT t_n_check CHECK (n >= 0)") - catalogMs;

    step("table rewrite");
    // The rewrite rebuilds the primary key too: what an 8-byte index build costs is taken off.
    double rewrite = timed("ALTER TABLE " + t + " ALTER COLUMN n TYPE bigint") - catalogMs - rows * indexMsPerRow;

    step("foreign key validation");
    double foreignKey = timed("ALTER TABLE " + t + " ADD CONSTRAINT t_k_fk FOREIGN KEY (k) REFERENCES "
        + SCHEMA + ".parent (id)") - catalogMs;

    step("UPDATE and DELETE of every row");
    double update1 = timed("UPDATE " + t + " SET n = n + 1") - catalogMs;
    run("VACUUM FULL " + t);
    run("CREATE INDEX t_k ON " + t + " (k)");
    run("CREATE INDEX t_s ON " + t + " (s)");
    double update3 = timed("UPDATE " + t + " SET n = n + 1") - catalogMs;
    run("VACUUM FULL " + t);
    double delete = timed("DELETE FROM " + t) - catalogMs;

    step("INSERT of many rows");
    run("CREATE TABLE " + SCHEMA + ".i (id bigint PRIMARY KEY, k bigint NOT NULL, s text NOT NULL, n integer)");
    double insert = timed("INSERT INTO " + SCHEMA + ".i SELECT g, g, substr(md5(g::text), 1, 23), 0"
        + " FROM generate_series(1, " + rows + ") g") - catalogMs;

    String server = text("SELECT current_setting('server_version')");
    return new Rates(
        positive(scan) / bytes,
        positive(rewrite) / bytes,
        indexMsPerRow,
        perKeyByte,
        Math.max(1, concurrent / positive(index8)),
        positive(foreignKey) / rows,
        positive(update1) / rows,
        Math.max(0, (update3 - update1) / 2 / rows),
        positive(delete) / rows,
        positive(insert) / rows,
        catalogMs,
        bytes / rows,
        "PostgreSQL " + server + ", " + machine + ", " + rows + " rows, " + LocalDate.now());
  }

  /** Timings below a microsecond per table are noise; keep rates positive so that sizes still count. */
  private static double positive(double ms) {
    return Math.max(ms, 0.001);
  }

  private boolean exists() throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT 1 FROM pg_namespace WHERE nspname = '" + SCHEMA + "'")) {
      return rs.next();
    }
  }

  private void step(String what) {
    progress.accept(what);
  }

  private void run(String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }

  private double timed(String sql) throws SQLException {
    long start = System.nanoTime();
    run(sql);
    return (System.nanoTime() - start) / 1e6;
  }

  private double number(String sql) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getDouble(1);
    }
  }

  private String text(String sql) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
