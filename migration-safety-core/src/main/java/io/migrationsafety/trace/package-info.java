/**
 * Lock tracing: runs migrations on a real PostgreSQL, statement by statement inside a transaction
 * that is always rolled back, and records which locks each statement took, which relations it
 * rewrote and how long it ran; then compares that with {@link io.migrationsafety.lock.LockModel}.
 * Entry points: {@link io.migrationsafety.MigrationSafety#tracer()} and
 * {@link io.migrationsafety.trace.TraceSession} for single statements. See {@code docs/trace.md}.
 */
package io.migrationsafety.trace;
