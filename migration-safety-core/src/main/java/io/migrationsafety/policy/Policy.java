package io.migrationsafety.policy;

import io.migrationsafety.operation.QualifiedName;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of a review: which PostgreSQL it targets, what each rule may say, when a table counts
 * as large, the team's conventions, and table sizes known without a database.
 *
 * @param postgresVersion the target PostgreSQL major version (12 to 18)
 * @param rules settings per rule id
 * @param largeTableRows tables with at least this many rows are large; an unknown size is large
 * @param conventions file naming and rollback conventions
 * @param tableSizes known sizes by schema-qualified table name
 * @param estimates the calibrated rates and the lock-time thresholds
 * @param execution how the staging executor sets timeouts and retries lock timeouts
 * @param dataProbes whether and how long data probes run when a review reads a live database
 */
public record Policy(
    int postgresVersion,
    Map<String, RuleSetting> rules,
    long largeTableRows,
    Conventions conventions,
    Map<QualifiedName, TableSize> tableSizes,
    EstimateSettings estimates,
    ExecutionSettings execution,
    DataProbeSettings dataProbes) {

  /** The PostgreSQL major version reviews target unless told otherwise. */
  public static final int DEFAULT_POSTGRES_VERSION = 16;
  /** The oldest PostgreSQL major version the lock model knows. */
  public static final int MIN_POSTGRES_VERSION = 12;
  /** The newest PostgreSQL major version the lock model knows. */
  public static final int MAX_POSTGRES_VERSION = 18;
  /** Rows from which a table is large unless the policy says otherwise. */
  public static final long DEFAULT_LARGE_TABLE_ROWS = 100_000;

  private static final Policy DEFAULTS = new Policy(DEFAULT_POSTGRES_VERSION, Map.of(), DEFAULT_LARGE_TABLE_ROWS,
      Conventions.none(), Map.of(), EstimateSettings.DEFAULTS, ExecutionSettings.defaults(),
      DataProbeSettings.defaults());

  public Policy {
    if (postgresVersion < MIN_POSTGRES_VERSION || postgresVersion > MAX_POSTGRES_VERSION) {
      throw new IllegalArgumentException("PostgreSQL version " + postgresVersion + " is not supported; use "
          + MIN_POSTGRES_VERSION + " to " + MAX_POSTGRES_VERSION);
    }
    rules = Map.copyOf(rules);
    if (largeTableRows < 0) {
      throw new IllegalArgumentException("largeTableRows cannot be negative");
    }
    Objects.requireNonNull(conventions, "conventions");
    tableSizes = Map.copyOf(tableSizes);
    Objects.requireNonNull(estimates, "estimates");
    Objects.requireNonNull(execution, "execution");
    Objects.requireNonNull(dataProbes, "dataProbes");
    for (QualifiedName name : tableSizes.keySet()) {
      if (!name.isQualified()) {
        throw new IllegalArgumentException("table sizes need schema-qualified names: " + name);
      }
    }
  }

  /** A policy with the default data-probe settings. */
  public Policy(int postgresVersion, Map<String, RuleSetting> rules, long largeTableRows, Conventions conventions,
      Map<QualifiedName, TableSize> tableSizes, EstimateSettings estimates, ExecutionSettings execution) {
    this(postgresVersion, rules, largeTableRows, conventions, tableSizes, estimates, execution,
        DataProbeSettings.defaults());
  }

  /**
   * The defaults: PostgreSQL 16, every rule as it declares itself, large from 100,000 rows, locks
   * held over 2 s block and over 200 ms warn.
   */
  public static Policy defaults() {
    return DEFAULTS;
  }

  /** What the policy says about the rule {@code id}, if anything. */
  public Optional<RuleSetting> rule(String id) {
    return Optional.ofNullable(rules.get(id));
  }

  /** The declared size of {@code table}, if any. */
  public Optional<TableSize> tableSize(QualifiedName table) {
    return Optional.ofNullable(tableSizes.get(table));
  }

  /** This policy targeting another PostgreSQL version. */
  public Policy withPostgresVersion(int version) {
    return new Policy(version, rules, largeTableRows, conventions, tableSizes, estimates, execution, dataProbes);
  }

  /** This policy with other estimate settings. */
  public Policy withEstimates(EstimateSettings settings) {
    return new Policy(postgresVersion, rules, largeTableRows, conventions, tableSizes, settings, execution,
        dataProbes);
  }

  /** This policy with other execution settings. */
  public Policy withExecution(ExecutionSettings settings) {
    return new Policy(postgresVersion, rules, largeTableRows, conventions, tableSizes, estimates, settings,
        dataProbes);
  }

  /** This policy with other data-probe settings. */
  public Policy withDataProbes(DataProbeSettings settings) {
    return new Policy(postgresVersion, rules, largeTableRows, conventions, tableSizes, estimates, execution,
        settings);
  }
}
