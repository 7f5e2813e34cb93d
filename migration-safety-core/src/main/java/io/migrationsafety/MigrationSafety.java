package io.migrationsafety;

import io.migrationsafety.database.DatabaseTarget;
import io.migrationsafety.database.IntrospectedSchema;
import io.migrationsafety.database.LiveDataProber;
import io.migrationsafety.estimate.Rates;
import io.migrationsafety.format.MigrationFormat;
import io.migrationsafety.format.MigrationFormats;
import io.migrationsafety.policy.LoadedPolicy;
import io.migrationsafety.policy.Policy;
import io.migrationsafety.policy.PolicyLoader;
import io.migrationsafety.probe.DataProber;
import io.migrationsafety.review.ReviewEngine;
import io.migrationsafety.rule.Rule;
import io.migrationsafety.rule.RuleRegistry;
import io.migrationsafety.schema.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The entry point of the library.
 *
 * <pre>{@code
 * Review review = MigrationSafety.review(Path.of("db/migration"));   // detect the format, defaults
 * Review review = MigrationSafety.builder()
 *     .postgresVersion(16)
 *     .rule(new MyRule())
 *     .build()
 *     .review(Path.of("db/migration"));
 * review.verdict();   // BLOCKED | WARNING | SAFE
 * }</pre>
 */
public final class MigrationSafety {

  private MigrationSafety() {}

  /** Reviews the migrations in {@code directory} with the default policy, detecting their format. */
  public static Review review(Path directory) {
    return builder().build().review(directory);
  }

  /** A builder for a configured {@link Reviewer}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder for a {@link io.migrationsafety.trace.Tracer}, which runs migrations on a real
   * PostgreSQL (embedded by default) in transactions it rolls back, and reports the locks, rewrites
   * and time of every statement next to what the lock model predicted.
   */
  public static io.migrationsafety.trace.Tracer.Builder tracer() {
    return io.migrationsafety.trace.Tracer.builder();
  }

  /** Configures a {@link Reviewer}. Not thread-safe; the reviewer it builds is. */
  public static final class Builder {

    private Policy policy = Policy.defaults();
    private LoadedPolicy loadedPolicy;
    private Integer postgresVersion;
    private Schema schema = Schema.empty();
    private boolean schemaKnown;
    private final List<Rule> rules = new ArrayList<>();
    private String format;
    private MigrationFormat customFormat;
    private DatabaseTarget database;
    private boolean allowWritableConnection;
    private Rates rates;

    private Builder() {}

    /** The PostgreSQL major version to review for (12 to 18); overrides the policy's. */
    public Builder postgresVersion(int version) {
      this.postgresVersion = version;
      return this;
    }

    /** The policy to review with. */
    public Builder policy(Policy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      this.loadedPolicy = null;
      return this;
    }

    /**
     * The policy file ({@code migration-safety.yml}) to review with, read now.
     *
     * @throws io.migrationsafety.policy.PolicyException when the file is unreadable or invalid,
     *     naming its line and column
     */
    public Builder policy(Path file) {
      this.loadedPolicy = PolicyLoader.load(file);
      this.policy = loadedPolicy.policy();
      return this;
    }

    /**
     * The schema the migrations start from, such as a loaded snapshot. Without one, tables the
     * migrations do not create are of unknown size, which counts as large.
     */
    public Builder schema(Schema schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
      this.schemaKnown = true;
      return this;
    }

    /**
     * The schema the migrations start from, read now from a snapshot file
     * ({@link io.migrationsafety.schema.SchemaSnapshot}).
     *
     * @throws io.migrationsafety.schema.SchemaSnapshotException when the file is unreadable or invalid
     */
    public Builder schema(Path snapshot) {
      return schema(io.migrationsafety.schema.SchemaSnapshot.load(snapshot));
    }

    /**
     * Reads the schema the migrations start from — tables, sizes, indexes, constraints — from a
     * live database, over a connection checked to be read-only first (see {@code docs/database.md}).
     * The database is read when {@link #build()} runs.
     */
    public Builder schemaFrom(DataSource dataSource) {
      this.database = DatabaseTarget.of(Objects.requireNonNull(dataSource, "dataSource"));
      return this;
    }

    /**
     * Like {@link #schemaFrom(DataSource)}, from a URL: {@code jdbc:postgresql://…} or
     * {@code postgres://user:password@host/db}.
     */
    public Builder schemaFrom(String url) {
      this.database = DatabaseTarget.of(Objects.requireNonNull(url, "url"));
      return this;
    }

    /**
     * Reads the database even when its role could write to it. Off by default; when on, the
     * reviewer's {@link Reviewer#warnings()} says so loudly.
     */
    public Builder allowWritableConnection(boolean allow) {
      this.allowWritableConnection = allow;
      return this;
    }

    /**
     * The throughputs that estimates are computed with, measured on the target server by
     * {@code migration-safety calibrate} ({@link io.migrationsafety.estimate.Calibrator}); the
     * library's defaults otherwise.
     */
    public Builder rates(Rates rates) {
      this.rates = Objects.requireNonNull(rates, "rates");
      return this;
    }

    /**
     * Like {@link #rates(Rates)}, read now from a file {@code calibrate -o FILE} wrote.
     *
     * @throws io.migrationsafety.estimate.RatesException when the file is unreadable or not a rates file
     */
    public Builder rates(Path file) {
      return rates(Rates.load(file));
    }

    /** A rule to run besides the built-in ones. */
    public Builder rule(Rule rule) {
      rules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /** Reads migrations as this format ({@code plain-sql}, {@code flyway} …) instead of detecting it. */
    public Builder format(String name) {
      this.format = Objects.requireNonNull(name, "name");
      this.customFormat = null;
      return this;
    }

    /** Reads migrations with this format, registered or not, instead of detecting one. */
    public Builder format(MigrationFormat format) {
      this.customFormat = Objects.requireNonNull(format, "format");
      this.format = null;
      return this;
    }

    /**
     * Checks the configuration and builds the reviewer.
     *
     * @throws MigrationSafetyException when the version is out of range, the policy names an unknown
     *     rule, two rules share an id, or the format is unknown
     */
    public Reviewer build() {
      Policy effective = policy;
      List<String> warnings = new ArrayList<>();
      DataProber prober = DataProber.off();
      Schema start = schema;
      boolean startKnown = schemaKnown;
      Integer version = postgresVersion;
      if (database != null) {
        IntrospectedSchema read = database.read(allowWritableConnection);
        read.readOnlyCheck().warning().ifPresent(warnings::add);
        start = read.schema();
        startKnown = true;
        prober = LiveDataProber.ifEnabled(database, read.schema(), policy.dataProbes(), allowWritableConnection);
        // The server decides the version unless the caller or a policy file fixes one.
        int server = read.serverMajorVersion();
        if (version == null && loadedPolicy == null
            && server >= Policy.MIN_POSTGRES_VERSION && server <= Policy.MAX_POSTGRES_VERSION) {
          version = server;
        }
      }
      if (version != null) {
        try {
          effective = policy.withPostgresVersion(version);
        } catch (IllegalArgumentException e) {
          throw new MigrationSafetyException(e.getMessage(), e);
        }
      }
      RuleRegistry registry;
      try {
        registry = RuleRegistry.builtIn().plus(rules.toArray(new Rule[0]));
      } catch (IllegalStateException e) {
        throw new MigrationSafetyException(e.getMessage(), e);
      }
      if (loadedPolicy != null) {
        List<String> known = new ArrayList<>();
        registry.all().forEach(r -> {
          known.add(r.id());
          known.addAll(r.metadata().aliases());
        });
        loadedPolicy.requireKnownRules(known);
      }
      MigrationFormats formats = MigrationFormats.installed();
      MigrationFormat forced = customFormat;
      if (format != null) {
        forced = formats.named(format).orElseThrow(() -> new MigrationSafetyException("unknown migration format '"
            + format + "'; known: " + formats.all().stream().map(MigrationFormat::name).toList()));
      }
      return new Reviewer(new ReviewEngine(registry, effective, start, startKnown,
          rates != null ? rates : Rates.of(effective.estimates()), prober), formats, forced, effective,
          warnings, database, allowWritableConnection, start);
    }
  }
}
