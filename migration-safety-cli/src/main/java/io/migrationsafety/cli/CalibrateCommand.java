package io.migrationsafety.cli;

import io.migrationsafety.database.DatabaseTarget;
import io.migrationsafety.estimate.Calibrator;
import io.migrationsafety.estimate.Rates;
import io.migrationsafety.estimate.Sizes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code migration-safety calibrate --database-url SCRATCH}: measures the server's throughputs on a
 * scratch table, for the estimates. It writes to the database it is given, so it takes only an
 * explicit URL (never the environment's review database) and refuses that one if it is the same.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
    description = {"Measures a PostgreSQL server's rates (scan, rewrite, index build, validation, UPDATE …) on a "
        + "scratch table, for the duration and lock-time estimates of reviews.",
        "It creates and drops the schema " + Calibrator.SCHEMA + " in the database given: use a scratch database "
            + "on the same kind of server as production, never the one your reviews read."})
final class CalibrateCommand implements Callable<Integer> {

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--database-url", required = true, paramLabel = "SCRATCH",
      description = "A scratch database to measure on (jdbc:postgresql://… or postgres://user:pass@host/db).")
  private String databaseUrl;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Save the rates here, for `review --rates FILE`; without it they are printed.")
  private Path output;

  @Option(names = "--rows", defaultValue = "1000000", paramLabel = "N",
      description = "Rows of the calibration table (default: ${DEFAULT-VALUE}; fewer measure start-up more than "
          + "throughput).")
  private int rows;

  @Option(names = "--machine", defaultValue = "", paramLabel = "TEXT",
      description = "A description of the server's machine, saved with the rates.")
  private String machine;

  @Override
  public Integer call() throws SQLException, IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String review = System.getenv(DatabaseTarget.ENVIRONMENT_VARIABLE);
    if (review != null && review.strip().equals(databaseUrl.strip())) {
      err.println("error: " + DatabaseTarget.ENVIRONMENT_VARIABLE + " names the same database: calibration writes, "
          + "and reviews read that one; give it a scratch database");
      return ExitCode.BAD_INPUT.code();
    }
    if (rows < 1_000) {
      err.println("error: --rows must be at least 1000");
      return ExitCode.BAD_INPUT.code();
    }
    DatabaseTarget target = DatabaseTarget.of(databaseUrl);
    Rates rates;
    try (Connection connection = target.connect()) {
      err.println("calibrating on " + target.description() + " with " + Sizes.count(rows) + " rows");
      rates = new Calibrator(connection, step -> {
        err.println("  " + step);
        err.flush();
      }).calibrate(rows, machine.isBlank() ? Runtime.getRuntime().availableProcessors() + " cores" : machine);
    } catch (SQLException e) {
      err.println("error: calibration on " + target.description() + " failed: " + e.getMessage());
      return ExitCode.DATABASE.code();
    }
    if (output != null) {
      try {
        rates.save(output);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + output, e);
      }
      out.println("saved to " + output + "; use it with: migration-safety review --rates " + output + " DIR");
    }
    out.println(describe(rates));
    return ExitCode.OK.code();
  }

  private static String describe(Rates r) {
    double mb = 1024 * 1024;
    return String.format(Locale.ROOT, """
        %s
          validation scan     %8.1f MB/s
          table rewrite       %8.1f MB/s (indexes rebuilt besides)
          b-tree index build  %8.0f rows/s (8-byte key), %.2f µs per row per key byte beyond 8
          concurrent index    %8.1fx a plain build
          foreign key check   %8.0f rows/s
          UPDATE              %8.0f rows/s (+%.1f µs per row per further index)
          DELETE              %8.0f rows/s
          INSERT              %8.0f rows/s
          catalog change      %8.1f ms
          row width           %8.0f bytes""",
        r.measuredOn(), 1 / r.scanMsPerByte() * 1000 / mb, 1 / r.rewriteMsPerByte() * 1000 / mb,
        1000 / r.indexMsPerRow(), r.indexMsPerRowPerKeyByte() * 1000, r.concurrentIndexFactor(),
        1000 / r.foreignKeyMsPerRow(), 1000 / r.updateMsPerRow(), r.updateMsPerRowPerIndex() * 1000,
        1000 / r.deleteMsPerRow(), 1000 / r.insertMsPerRow(), r.catalogMs(), r.bytesPerRow());
  }
}
