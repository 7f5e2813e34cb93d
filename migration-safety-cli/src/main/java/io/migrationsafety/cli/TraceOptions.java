package io.migrationsafety.cli;

import io.migrationsafety.MigrationSafetyException;
import io.migrationsafety.trace.Tracer;
import picocli.CommandLine.Option;

/** Where a trace runs: the embedded default, or a database the user marks as scratch. */
final class TraceOptions {

  @Option(names = "--scratch-url", paramLabel = "URL",
      description = "Trace on this scratch database instead of an embedded PostgreSQL. Every transaction is rolled "
          + "back; it must not be the database the schema is read from.")
  String scratchUrl;

  @Option(names = "--synthetic-rows", paramLabel = "N", defaultValue = "0",
      description = "Fill every table of the starting schema with N generated rows on the embedded server, so that "
          + "rewrite times and failures on existing rows show (default: ${DEFAULT-VALUE}).")
  long syntheticRows;

  /**
   * Points {@code builder} at the scratch database, if one was given, after checking it is not
   * {@code readUrl}; and asks for synthetic rows.
   */
  void applyTo(Tracer.Builder builder, String readUrl) {
    builder.syntheticRows(syntheticRows);
    if (scratchUrl == null) {
      return;
    }
    if (readUrl != null && scratchUrl.strip().equals(readUrl.strip())) {
      throw new MigrationSafetyException("--scratch-url names the database the schema is read from; the tracer never "
          + "runs migrations on a database it was asked to read");
    }
    builder.scratch(scratchUrl);
  }
}
