package io.migrationsafety.trace;

import io.migrationsafety.MigrationSafetyException;
import io.migrationsafety.database.DatabaseTarget;
import io.migrationsafety.database.IntrospectedSchema;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationFormats;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.policy.Policy;
import io.migrationsafety.policy.RuleSetting;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.SchemaSnapshot;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Traces migration sets on a real PostgreSQL: each migration's statements run one by one inside a
 * transaction that is rolled back, each observed (locks, rewrites, time) and compared with the lock
 * model. On the embedded target the schema a migration starts from is built first, committed: the
 * starting schema (a snapshot or a staging database's, schema only), then every earlier migration.
 * Built by {@link io.migrationsafety.MigrationSafety#tracer()}; immutable and thread-safe (each
 * {@link #trace} opens its own session).
 */
public final class Tracer {

  private final TraceTarget target;
  private final Schema startingSchema;
  private final boolean schemaGiven;
  private final Policy policy;
  private final long syntheticRows;
  private final List<String> warnings;
  private final LockModelDisagreement rule = new LockModelDisagreement();

  private Tracer(TraceTarget target, Schema startingSchema, boolean schemaGiven, Policy policy, long syntheticRows,
      List<String> warnings) {
    this.syntheticRows = syntheticRows;
    this.target = target;
    this.startingSchema = startingSchema;
    this.schemaGiven = schemaGiven;
    this.policy = policy;
    this.warnings = List.copyOf(warnings);
  }

  /** A builder; {@link io.migrationsafety.MigrationSafety#tracer()} is the usual way to get one. */
  public static Builder builder() {
    return new Builder();
  }

  /** What the user must hear about how this tracer was set up (a writable connection read, say). */
  public List<String> warnings() {
    return warnings;
  }

  /** Where this tracer runs migrations. */
  public TraceTarget target() {
    return target;
  }

  /**
   * Traces the migrations in {@code directory}, detecting their format.
   *
   * @throws io.migrationsafety.format.MigrationFormatException when the directory cannot be read
   * @throws TraceException when the target cannot be started or reached, or the starting schema
   *     cannot be built on it
   */
  public Trace trace(Path directory) {
    return trace(MigrationFormats.installed().read(directory));
  }

  /**
   * Traces {@code set}'s pending migrations ({@link MigrationSet#pending()}): all of them unless the
   * set was read with a database's history, whose applied migrations its schema already holds.
   */
  public Trace trace(MigrationSet set) {
    try (TraceSession session = TraceSession.open(target)) {
      Schema schema = startingSchema;
      if (session.ephemeral()) {
        SchemaDdl.build(session, startingSchema);
        SyntheticRows.fill(session, startingSchema, syntheticRows);
      } else if (!schemaGiven) {
        schema = DatabaseTarget.of(((TraceTarget.Scratch) target).url()).read(true).schema();
      }
      MigrationRun run = new MigrationRun(session, schema, this::disagreement);
      List<MigrationTrace> traces = new ArrayList<>();
      ObservingTransaction shared = session.ephemeral() ? null : session.begin();
      try {
        for (Migration migration : set.pending()) {
          traces.add(run.trace(migration, relative(set.directory(), migration.file()), shared));
        }
      } finally {
        if (shared != null) {
          shared.close();
        }
      }
      return new Trace(session.postgresVersion(), target.description(), traces);
    } catch (SQLException e) {
      throw new TraceException("tracing failed on " + target.description() + ": " + e.getMessage(), e);
    }
  }

  /** The disagreement finding for a statement, after the policy's word on the rule. */
  private Optional<Finding> disagreement(ObservedStatement statement, String file, int column, int version) {
    Optional<RuleSetting> setting = policy.rule(rule.id());
    if (setting.isPresent() && !setting.get().enabled()) {
      return Optional.empty();
    }
    return rule.check(statement, file, column, version)
        .map(f -> setting.map(RuleSetting::severity).filter(Objects::nonNull).map(f::withSeverity).orElse(f));
  }

  private static String relative(Path directory, Path file) {
    Path rel = file.startsWith(directory) ? directory.relativize(file) : file;
    return rel.toString().replace('\\', '/');
  }

  /** Configures a {@link Tracer}. Not thread-safe; the tracer it builds is. */
  public static final class Builder {

    private Integer postgresVersion;
    private String scratchUrl;
    private Schema schema = Schema.empty();
    private boolean schemaGiven;
    private String schemaUrl;
    private boolean allowWritableConnection;
    private Policy policy = Policy.defaults();
    private long syntheticRows;

    private Builder() {}

    /** The PostgreSQL major version of the embedded server (default: the policy's, 16 unless it says otherwise). */
    public Builder postgresVersion(int version) {
      this.postgresVersion = version;
      return this;
    }

    /**
     * Traces on this scratch database instead of an embedded server. Every transaction there is
     * rolled back; statements that cannot run in a transaction block are not traced.
     */
    public Builder scratch(String url) {
      this.scratchUrl = Objects.requireNonNull(url, "url");
      return this;
    }

    /** The schema the first migration starts from (schema only: no rows are copied). */
    public Builder schema(Schema start) {
      this.schema = Objects.requireNonNull(start, "start");
      this.schemaGiven = true;
      return this;
    }

    /** The schema the first migration starts from, read now from a snapshot file. */
    public Builder schema(Path snapshot) {
      return schema(SchemaSnapshot.load(snapshot));
    }

    /**
     * The schema the first migration starts from, read from a database over a connection checked
     * to be read-only (see {@code docs/database.md}) when {@link #build()} runs. Never a trace target.
     */
    public Builder schemaFrom(String url) {
      this.schemaUrl = Objects.requireNonNull(url, "url");
      return this;
    }

    /** Reads {@link #schemaFrom} even through a role that could write (the tracer still only reads it). */
    public Builder allowWritableConnection(boolean allow) {
      this.allowWritableConnection = allow;
      return this;
    }

    /**
     * Fills every table of the starting schema with this many generated rows on the embedded server
     * (default 0), so that size shows: rewrite and scan times, a NOT NULL column without default
     * failing on existing rows. Never on a scratch database.
     */
    public Builder syntheticRows(long rowsPerTable) {
      if (rowsPerTable < 0) {
        throw new MigrationSafetyException("synthetic rows must be 0 or more, not " + rowsPerTable);
      }
      this.syntheticRows = rowsPerTable;
      return this;
    }

    /** The policy: its PostgreSQL version, and its word on {@code lock-model-disagreement}. */
    public Builder policy(Policy value) {
      this.policy = Objects.requireNonNull(value, "policy");
      return this;
    }

    /**
     * Checks the configuration and builds the tracer; reads {@link #schemaFrom} now.
     *
     * @throws MigrationSafetyException when the version has no binaries, or the scratch database
     *     is the one the schema is read from
     */
    public Tracer build() {
      Policy effective = policy;
      if (postgresVersion != null) {
        try {
          effective = policy.withPostgresVersion(postgresVersion);
        } catch (IllegalArgumentException e) {
          throw new MigrationSafetyException(e.getMessage(), e);
        }
      }
      TraceTarget target;
      if (scratchUrl != null) {
        if (schemaUrl != null && sameDatabase(scratchUrl, schemaUrl)) {
          throw new TraceException("the scratch database is the database the schema is read from ("
              + DatabaseTarget.of(schemaUrl).description() + "); the tracer never runs migrations on a "
              + "database it was asked to read");
        }
        if (syntheticRows > 0) {
          throw new MigrationSafetyException("synthetic rows are made on the embedded server only; the tracer never "
              + "writes to a scratch database");
        }
        target = TraceTarget.scratch(scratchUrl);
      } else {
        target = TraceTarget.embedded(effective.postgresVersion());
      }
      Schema start = schema;
      boolean given = schemaGiven;
      List<String> warnings = new ArrayList<>();
      if (schemaUrl != null) {
        IntrospectedSchema read = DatabaseTarget.of(schemaUrl).read(allowWritableConnection);
        read.readOnlyCheck().warning().ifPresent(warnings::add);
        start = read.schema();
        given = true;
      }
      return new Tracer(target, start, given, effective, syntheticRows, warnings);
    }

    private static boolean sameDatabase(String a, String b) {
      return DatabaseTarget.of(a).description().equals(DatabaseTarget.of(b).description());
    }
  }
}
