package io.migrationsafety.policy;

import java.nio.file.Path;

/**
 * What the policy says about estimates: where the calibrated rates are, and how long a lock that
 * blocks reads or writes on a table in use may be held before the review warns or blocks
 * (the rule {@code lock-held-too-long}).
 *
 * @param rates the rates file {@code migration-safety calibrate -o FILE} wrote (resolved against the
 *     policy file's directory), or {@code null} for the library's defaults
 * @param blockLockAboveMs a longer estimated hold blocks the migration
 * @param warnLockAboveMs a longer estimated hold is a warning
 */
public record EstimateSettings(Path rates, long blockLockAboveMs, long warnLockAboveMs) {

  /** Holds above 2 s block, above 200 ms warn; the library's rates. */
  public static final EstimateSettings DEFAULTS = new EstimateSettings(null, 2_000, 200);

  public EstimateSettings {
    if (blockLockAboveMs < 0 || warnLockAboveMs < 0) {
      throw new IllegalArgumentException("lock thresholds cannot be negative");
    }
    if (warnLockAboveMs > blockLockAboveMs) {
      throw new IllegalArgumentException("warn_lock_above (" + warnLockAboveMs + " ms) is above block_lock_above ("
          + blockLockAboveMs + " ms)");
    }
  }

  /** These settings with the rates file resolved against {@code directory}, when it is relative. */
  EstimateSettings resolvedAgainst(Path directory) {
    if (rates == null || rates.isAbsolute() || directory == null) {
      return this;
    }
    return new EstimateSettings(directory.resolve(rates), blockLockAboveMs, warnLockAboveMs);
  }
}
