package io.migrationsafety.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every key a policy file may hold, and where. The loader accepts exactly these, and tests hold
 * {@code docs/policy.md} and the default template to the same list, so none can drift.
 */
enum PolicyKey {
  POSTGRES_VERSION(null, "postgres_version"),
  LARGE_TABLE_ROWS(null, "large_table_rows"),
  RULES(null, "rules"),
  CONVENTIONS(null, "conventions"),
  FILE_NAME_PATTERN(CONVENTIONS, "file_name_pattern"),
  REQUIRE_VERSION_PREFIX(CONVENTIONS, "require_version_prefix"),
  REQUIRE_ROLLBACK(CONVENTIONS, "require_rollback"),
  TABLES(null, "tables"),
  TABLE_ROWS(TABLES, "rows"),
  TABLE_BYTES(TABLES, "bytes"),
  ESTIMATES(null, "estimates"),
  RATES(ESTIMATES, "rates"),
  BLOCK_LOCK_ABOVE(ESTIMATES, "block_lock_above"),
  WARN_LOCK_ABOVE(ESTIMATES, "warn_lock_above"),
  EXECUTION(null, "execution"),
  LOCK_TIMEOUT(EXECUTION, "lock_timeout"),
  STATEMENT_TIMEOUT(EXECUTION, "statement_timeout"),
  RETRIES(EXECUTION, "retries"),
  BACKOFF(EXECUTION, "backoff"),
  DATA_PROBES(null, "data_probes"),
  PROBES_ENABLED(DATA_PROBES, "enabled"),
  PROBE_TIMEOUT(DATA_PROBES, "timeout"),
  PROBE_BUDGET(DATA_PROBES, "budget");

  private final PolicyKey parent;
  private final String key;

  PolicyKey(PolicyKey parent, String key) {
    this.parent = parent;
    this.key = key;
  }

  /** The key as written in the file. */
  String key() {
    return key;
  }

  /**
   * The full path, as the docs name it: {@code conventions.require_rollback}; under {@code tables}
   * the table name is the user's, written {@code tables.<table>.rows}.
   */
  String path() {
    if (parent == null) {
      return key;
    }
    return parent == TABLES ? "tables.<table>." + key : parent.path() + "." + key;
  }

  /** The keys directly inside {@code section} ({@code null}: the top level). */
  static List<PolicyKey> in(PolicyKey section) {
    List<PolicyKey> keys = new ArrayList<>();
    for (PolicyKey k : values()) {
      if (k.parent == section) {
        keys.add(k);
      }
    }
    return keys;
  }

  /** The key {@code key} inside {@code section}, if there is one. */
  static Optional<PolicyKey> find(PolicyKey section, String key) {
    return in(section).stream().filter(k -> k.key.equals(key)).findFirst();
  }
}
