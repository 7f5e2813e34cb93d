package io.migrationsafety.benchmarks;

import io.migrationsafety.database.IntrospectedSchema;
import io.migrationsafety.database.SchemaIntrospector;
import io.migrationsafety.estimate.Calibrator;
import io.migrationsafety.estimate.CostModel;
import io.migrationsafety.estimate.Estimate;
import io.migrationsafety.estimate.Rates;
import io.migrationsafety.estimate.Sizes;
import io.migrationsafety.estimate.TableStats;
import io.migrationsafety.lock.LockModel;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.schema.Schema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Checks the estimate model against measured runs: calibrates the rates on an embedded PostgreSQL
 * (as {@code migration-safety calibrate} does), then for tables of 10^5, 10^6 and 10^7 rows runs the
 * operations the model costs, each predicted first from the introspected schema exactly as a review
 * would, and prints predicted against measured times and the share within a factor of 2.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.migrationsafety.benchmarks.EstimateCalibrationSuite \
 *     [--sizes 100000,1000000,10000000] [--calibrate-rows 1000000] [--machine "2 cores, 24 GiB"] \
 *     [--save-rates FILE]
 * }</pre>
 */
public final class EstimateCalibrationSuite {

  /** The operations, in order; each runs on the table as the ones before left it. */
  private static final List<String> OPERATIONS = List.of(
      "CREATE INDEX bench_k ON bench (k)",
      "DROP INDEX bench_k",
      "CREATE INDEX CONCURRENTLY bench_k ON bench (k)",
      "CREATE INDEX bench_s ON bench (s)",
      "ALTER TABLE bench ADD CONSTRAINT bench_n_check CHECK (n >= 0)",
      "ALTER TABLE bench ALTER COLUMN n SET NOT NULL",
      "ALTER TABLE bench ADD CONSTRAINT bench_k_fk FOREIGN KEY (k) REFERENCES parent (id)",
      "ALTER TABLE bench ALTER COLUMN n TYPE bigint",
      "ALTER TABLE bench ADD COLUMN r double precision DEFAULT random()",
      "UPDATE bench SET n = n + 1",
      "UPDATE bench SET n = 0 WHERE id BETWEEN 1 AND 10000",
      "DELETE FROM bench WHERE id BETWEEN 10001 AND 20000");

  private EstimateCalibrationSuite() {}

  public static void main(String[] args) throws Exception {
    List<Long> sizes = List.of(100_000L, 1_000_000L, 10_000_000L);
    int calibrateRows = 1_000_000;
    String machine = Runtime.getRuntime().availableProcessors() + " cores";
    Path saveRates = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sizes" -> sizes = java.util.Arrays.stream(args[++i].split(",")).map(Long::parseLong).toList();
        case "--calibrate-rows" -> calibrateRows = Integer.parseInt(args[++i]);
        case "--machine" -> machine = args[++i];
        case "--save-rates" -> saveRates = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setServerConfig("max_wal_size", "4GB").setServerConfig("checkpoint_timeout", "30min").start();
        Connection c = postgres.getPostgresDatabase().getConnection()) {
      Rates rates = new Calibrator(c, step -> System.out.println("calibrate: " + step))
          .calibrate(calibrateRows, machine);
      System.out.println("rates: " + rates);
      if (saveRates != null) {
        Files.createDirectories(saveRates.toAbsolutePath().getParent());
        rates.save(saveRates);
      }
      CostModel model = new CostModel(rates);
      int within = 0;
      int total = 0;
      System.out.printf(Locale.ROOT, "%n| rows | statement | predicted | measured | ratio |%n| ---: | --- | ---: | ---: | ---: |%n");
      for (long rows : sizes) {
        setUp(c, rows);
        for (String sql : OPERATIONS) {
          Estimate predicted = predict(c, model, sql);
          long start = System.nanoTime();
          run(c, sql);
          long measured = Math.max(1, Math.round((System.nanoTime() - start) / 1e6));
          double ratio = predicted.known() ? Math.max(1, predicted.durationMs()) / (double) measured : Double.NaN;
          if (!sql.startsWith("DROP")) {
            total++;
            if (ratio >= 0.5 && ratio <= 2) {
              within++;
            }
          }
          System.out.printf(Locale.ROOT, "| %s | `%s` | %s | %s | %s |%n", Sizes.count(rows), sql,
              predicted.known() ? Sizes.duration(predicted.durationMs()) : "unknown",
              Sizes.duration(measured), Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio));
        }
      }
      System.out.printf(Locale.ROOT, "%n%d of %d predictions within a factor of 2 (%.0f%%)%n", within, total,
          100.0 * within / total);
    }
  }

  private static void setUp(Connection c, long rows) throws Exception {
    run(c, "DROP TABLE IF EXISTS bench, parent");
    run(c, "CREATE TABLE parent (id bigint PRIMARY KEY)");
    run(c, "INSERT INTO parent SELECT g FROM generate_series(1, " + rows + ") g");
    run(c, "CREATE TABLE bench (id bigint PRIMARY KEY, k bigint NOT NULL, s text NOT NULL, n integer)");
    run(c, "INSERT INTO bench SELECT g, (g::bigint * 7919) % " + rows + " + 1, substr(md5(g::text), 1, 23), g % 1000"
        + " FROM generate_series(1, " + rows + ") g");
    run(c, "VACUUM ANALYZE bench");
    run(c, "VACUUM ANALYZE parent");
    run(c, "CHECKPOINT");
  }

  /** The estimate a review would give: the schema and sizes introspected, the statement parsed and costed. */
  private static Estimate predict(Connection c, CostModel model, String sql) {
    IntrospectedSchema live = SchemaIntrospector.introspect(c);
    Schema schema = live.schema();
    Estimate total = null;
    for (var statement : SqlParser.parse(sql, "bench.sql").statements()) {
      for (Operation op : statement.operations()) {
        Estimate e = model.estimate(op, LockModel.effects(op, schema, "public", live.serverMajorVersion()), schema,
            "public", name -> stats(schema, name));
        total = total == null ? e : total.plus(e);
      }
    }
    return total;
  }

  private static TableStats stats(Schema schema, io.migrationsafety.operation.QualifiedName name) {
    return schema.table(name)
        .map(t -> new TableStats(t.rowEstimate(), t.sizeBytes(), schema.indexesOn(name).size()))
        .orElse(TableStats.unknown(0));
  }

  private static void run(Connection c, String sql) throws Exception {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
