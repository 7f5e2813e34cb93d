/**
 * Rollback synthesis: the inverse of a forward migration written from the operations and the
 * schema before it ({@link io.migrationsafety.rollback.RollbackSynthesizer}), irreversible steps
 * with their reason, a static check that a rollback (synthesized or hand-written) returns the
 * schema model to where it was ({@link io.migrationsafety.rollback.RollbackVerifier}), and the same
 * round trip on a real PostgreSQL scratch database
 * ({@link io.migrationsafety.rollback.RollbackRoundTrip}). Entry point:
 * {@link io.migrationsafety.rollback.Rollbacks#plan}.
 */
package io.migrationsafety.rollback;
