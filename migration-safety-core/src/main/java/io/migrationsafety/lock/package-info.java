/**
 * The lock model: which lock each statement takes on which relation, whether it rewrites or
 * scans, from which PostgreSQL version; {@link io.migrationsafety.lock.LockModel} is the entry
 * point and {@link io.migrationsafety.lock.LockMode} the conflict matrix.
 */
package io.migrationsafety.lock;
