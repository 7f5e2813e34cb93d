package io.migrationsafety;

import io.migrationsafety.format.MigrationFormat;
import io.migrationsafety.format.MigrationFormats;
import io.migrationsafety.policy.LoadedPolicy;
import io.migrationsafety.policy.Policy;
import io.migrationsafety.policy.PolicyLoader;
import io.migrationsafety.review.ReviewEngine;
import io.migrationsafety.rule.Rule;
import io.migrationsafety.rule.RuleRegistry;
import io.migrationsafety.schema.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

  /** Configures a {@link Reviewer}. Not thread-safe; the reviewer it builds is. */
  public static final class Builder {

    private Policy policy = Policy.defaults();
    private LoadedPolicy loadedPolicy;
    private Integer postgresVersion;
    private Schema schema = Schema.empty();
    private boolean schemaKnown;
    private final List<Rule> rules = new ArrayList<>();
    private String format;

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

    /** A rule to run besides the built-in ones. */
    public Builder rule(Rule rule) {
      rules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /** Reads migrations as this format ({@code plain-sql}, {@code flyway} …) instead of detecting it. */
    public Builder format(String name) {
      this.format = Objects.requireNonNull(name, "name");
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
      if (postgresVersion != null) {
        try {
          effective = policy.withPostgresVersion(postgresVersion);
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
      MigrationFormat forced = null;
      if (format != null) {
        forced = formats.named(format).orElseThrow(() -> new MigrationSafetyException("unknown migration format '"
            + format + "'; known: " + formats.all().stream().map(MigrationFormat::name).toList()));
      }
      return new Reviewer(new ReviewEngine(registry, effective, schema, schemaKnown), formats, forced, effective);
    }
  }
}
