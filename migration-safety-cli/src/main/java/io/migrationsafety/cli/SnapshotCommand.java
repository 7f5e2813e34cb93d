package io.migrationsafety.cli;

import io.migrationsafety.database.IntrospectedSchema;
import io.migrationsafety.schema.SchemaSnapshot;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code migration-safety snapshot}: writes a database's schema (tables, sizes, indexes,
 * constraints, types, sequences, views) as a snapshot file, read over the read-only guard, for
 * offline reviews ({@code --schema FILE}) and drift checks ({@code drift --against-snapshot FILE}).
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
    description = "Write a database's schema as a snapshot (JSON) for offline reviews and drift checks.")
final class SnapshotCommand implements Callable<Integer> {

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--database-url", paramLabel = "URL",
      description = "The database to read (jdbc:postgresql://… or postgres://user:pass@host/db), over a connection "
          + "checked to be read-only. Default: the environment variable MIGRATION_SAFETY_DATABASE_URL.")
  private String databaseUrl;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Where to write the snapshot (default: standard output).")
  private Path output;

  @Option(names = "--allow-writable-connection",
      description = "Read the database even if its role could write to it (the library still never writes).")
  private boolean allowWritable;

  @Override
  public Integer call() {
    IntrospectedSchema read = DatabaseUrls.required(databaseUrl).read(allowWritable);
    read.readOnlyCheck().warning().ifPresent(w -> spec.commandLine().getErr().println("WARNING: " + w));
    if (output == null) {
      spec.commandLine().getOut().print(SchemaSnapshot.toJson(read.schema()));
    } else {
      SchemaSnapshot.save(read.schema(), output);
      spec.commandLine().getErr().println("wrote " + output + ": " + read.schema().tables().size() + " tables, "
          + read.schema().indexes().size() + " indexes (PostgreSQL " + read.serverVersion() + ")");
    }
    return ExitCode.OK.code();
  }
}
