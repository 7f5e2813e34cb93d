/**
 * Drift: how a live database differs from what it should be. {@link io.migrationsafety.drift.Drift}
 * compares two {@link io.migrationsafety.schema.Schema} models (two databases, a database and a
 * snapshot file, or a database and the replay of the migrations already applied to it) and reports
 * every difference as a {@link io.migrationsafety.drift.Difference}, in words a person reads.
 */
package io.migrationsafety.drift;
