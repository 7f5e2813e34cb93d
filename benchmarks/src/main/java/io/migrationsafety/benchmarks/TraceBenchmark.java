package io.migrationsafety.benchmarks;

import io.migrationsafety.MigrationSafety;
import io.migrationsafety.trace.ObservedStatement;
import io.migrationsafety.trace.Trace;
import io.migrationsafety.trace.Tracer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole trace of a 20-file migration directory on the embedded default (PostgreSQL 16), start-up
 * of the server included: initdb, start, build each migration's schema, trace every statement in a
 * rolled-back transaction, apply it, stop and delete the server. One invocation is one trace
 * ({@code SingleShotTime}); the goal is under 15 s.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class TraceBenchmark {

  /** The files: a schema, then the changes a busy schema sees, one concurrent index build among them. */
  private static final String[] MIGRATIONS = {
      """
      CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE);
      CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          customer_id bigint NOT NULL REFERENCES customers (id), status text NOT NULL DEFAULT 'new',
          total_cents integer NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
      INSERT INTO customers (email) SELECT 'c' || g || '@example.com' FROM generate_series(1, 2000) g;
      INSERT INTO orders (customer_id, total_cents) SELECT 1 + g % 2000, g FROM generate_series(1, 20000) g;
      """,
      "ALTER TABLE orders ADD COLUMN note text;",
      "SET lock_timeout = '5s';\nCREATE INDEX orders_status_idx ON orders (status);",
      "ALTER TABLE orders ADD COLUMN currency char(3) NOT NULL DEFAULT 'EUR';",
      "ALTER TABLE orders ALTER COLUMN total_cents TYPE bigint;",
      "CREATE TABLE refunds (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
          + "    order_id bigint NOT NULL, amount_cents bigint NOT NULL);",
      "ALTER TABLE refunds ADD CONSTRAINT refunds_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID;",
      "ALTER TABLE refunds VALIDATE CONSTRAINT refunds_order_fk;",
      "-- migration-safety:no-transaction\nCREATE INDEX CONCURRENTLY refunds_order_idx ON refunds (order_id);",
      "ALTER TABLE customers ADD COLUMN name text;\nUPDATE customers SET name = split_part(email, '@', 1) WHERE id < 100;",
      "ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total_cents >= 0) NOT VALID;",
      "ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;",
      "CREATE TYPE order_state AS ENUM ('new', 'paid', 'shipped');",
      "ALTER TYPE order_state ADD VALUE 'cancelled';",
      "ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'paid';",
      "CREATE VIEW open_orders AS SELECT id, customer_id FROM orders WHERE status = 'new';",
      "ALTER TABLE customers ALTER COLUMN name SET STATISTICS 500;",
      "COMMENT ON TABLE orders IS 'one row per order';",
      "ALTER TABLE orders RENAME COLUMN note TO remark;",
      "DROP VIEW open_orders;\nALTER TABLE orders DROP COLUMN remark;",
  };

  private Path directory;
  private Tracer tracer;

  @Setup(Level.Trial)
  public void writeMigrations() throws IOException {
    directory = Files.createTempDirectory("trace-benchmark");
    for (int i = 0; i < MIGRATIONS.length; i++) {
      Files.writeString(directory.resolve("V" + (i + 1) + "__step_" + (i + 1) + ".sql"), MIGRATIONS[i]);
    }
    tracer = MigrationSafety.tracer().postgresVersion(16).build();
  }

  @Benchmark
  public Trace trace() {
    Trace trace = tracer.trace(directory);
    // Every statement must really have run: a trace that stopped early would be fast for nothing.
    boolean complete = trace.migrations().size() == MIGRATIONS.length && trace.migrations().stream()
        .flatMap(m -> m.statements().stream())
        .allMatch(s -> s instanceof ObservedStatement o && !o.failed());
    if (!complete) {
      throw new IllegalStateException("the trace did not run every statement: " + trace);
    }
    return trace;
  }

  @TearDown(Level.Trial)
  public void deleteMigrations() throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
