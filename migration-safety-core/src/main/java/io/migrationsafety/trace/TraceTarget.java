package io.migrationsafety.trace;

import io.migrationsafety.database.DatabaseTarget;
import java.util.Objects;

/**
 * Where migrations are traced: an ephemeral embedded PostgreSQL (the default), or a scratch
 * database the user names explicitly. Only the embedded one is ever committed to (to build the
 * schema a migration starts from); on a scratch database every transaction is rolled back.
 */
public sealed interface TraceTarget permits TraceTarget.Embedded, TraceTarget.Scratch {

  /** An ephemeral PostgreSQL of major version {@code postgresVersion}, started for the trace and removed after. */
  static TraceTarget embedded(int postgresVersion) {
    return new Embedded(postgresVersion);
  }

  /**
   * A database the caller declares to be scratch: the tracer runs migrations on it inside
   * transactions it rolls back, never commits, and refuses it when it is also the database the
   * schema is read from.
   */
  static TraceTarget scratch(String url) {
    return new Scratch(url);
  }

  /** What the target is, safe to print. */
  String description();

  /** An embedded server of one major version. */
  record Embedded(int postgresVersion) implements TraceTarget {

    public Embedded {
      if (!PostgresBinaries.majors().contains(postgresVersion)) {
        throw new io.migrationsafety.MigrationSafetyException("cannot start an embedded PostgreSQL " + postgresVersion + "; versions: "
            + PostgresBinaries.majors());
      }
    }

    @Override
    public String description() {
      return "embedded PostgreSQL " + postgresVersion;
    }
  }

  /** A scratch database by URL ({@code jdbc:postgresql://…} or {@code postgres://…}). */
  record Scratch(String url) implements TraceTarget {

    public Scratch {
      Objects.requireNonNull(url, "url");
      DatabaseTarget.of(url);
    }

    @Override
    public String description() {
      return "scratch database " + DatabaseTarget.of(url).description();
    }
  }
}
