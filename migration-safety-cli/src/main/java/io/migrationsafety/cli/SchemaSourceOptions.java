package io.migrationsafety.cli;

import io.migrationsafety.MigrationSafety;
import io.migrationsafety.database.DatabaseTarget;
import io.migrationsafety.database.IntrospectedSchema;
import io.migrationsafety.format.MigrationFormat;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.SchemaSnapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the schema the migrations start from comes from, for every command that needs it: a
 * snapshot file, a live database read read-only, or (neither given) an empty database.
 */
final class SchemaSourceOptions {

  @Option(names = "--schema", paramLabel = "FILE",
      description = "A schema snapshot (JSON) of the database the migrations run on: its tables, sizes and indexes.")
  Path snapshot;

  @Option(names = "--database-url", paramLabel = "URL",
      description = "Read the schema, table sizes and server version from this database (jdbc:postgresql://… or "
          + "postgres://user:pass@host/db), over a connection checked to be read-only. "
          + "Default: the environment variable MIGRATION_SAFETY_DATABASE_URL, if set.")
  String databaseUrl;

  @Option(names = "--allow-writable-connection",
      description = "Read the database even if its role could write to it (the library still never writes).")
  boolean allowWritable;

  /** The database URL given, or the one in the environment, or null. */
  String url() {
    String url = databaseUrl != null ? databaseUrl : System.getenv(DatabaseTarget.ENVIRONMENT_VARIABLE);
    return url == null || url.isBlank() ? null : url;
  }

  /** Points {@code builder} at the snapshot or database, if one was given. */
  void applyTo(MigrationSafety.Builder builder) {
    if (snapshot != null) {
      builder.schema(snapshot);
    }
    String url = url();
    if (url != null) {
      builder.schemaFrom(url).allowWritableConnection(allowWritable);
    }
  }

  /**
   * {@code set} with the format's history read from the database, when one was given and the
   * format keeps a history: its applied migrations are then in the database's schema already.
   */
  MigrationSet withHistory(MigrationFormat format, MigrationSet set) {
    String url = url();
    if (url == null || set.applied().known()) {
      return set;
    }
    return format.history().map(reader -> DatabaseTarget.of(url).readHistory(set, reader, allowWritable)).orElse(set);
  }

  /** The starting schema itself, printing the guard's warning to {@code err} if there is one. */
  Schema read(PrintWriter err) {
    if (snapshot != null) {
      return SchemaSnapshot.load(snapshot);
    }
    String url = url();
    if (url != null) {
      IntrospectedSchema read = DatabaseTarget.of(url).read(allowWritable);
      read.readOnlyCheck().warning().ifPresent(w -> err.println("WARNING: " + w));
      return read.schema();
    }
    return Schema.empty();
  }
}
