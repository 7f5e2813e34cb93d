/**
 * Estimates: how long each statement of a migration runs and how long it holds each lock, from the
 * lock model's effects (rewrite, scan, index build, validation, per-row DML), the tables' rows and
 * bytes, and throughput {@link io.migrationsafety.estimate.Rates} measured on a real server by the
 * {@link io.migrationsafety.estimate.Calibrator}. Locks taken inside a transaction are held until it
 * ends, so their hold times add up across statements ({@link io.migrationsafety.estimate.LockTimeline}).
 * An unknown size gives an unknown estimate, never a guessed number.
 */
package io.migrationsafety.estimate;
