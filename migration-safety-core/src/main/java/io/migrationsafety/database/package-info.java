/**
 * Reading a live PostgreSQL database: where to connect ({@link io.migrationsafety.database.DatabaseTarget}),
 * the check that the connection cannot write ({@link io.migrationsafety.database.ReadOnlyGuard}),
 * the schema read from {@code pg_catalog} in a few bulk queries
 * ({@link io.migrationsafety.database.SchemaIntrospector}), and the data probes run on it
 * ({@link io.migrationsafety.database.LiveDataProber}). The library never writes: every read
 * runs inside a {@code READ ONLY} transaction that is rolled back.
 */
package io.migrationsafety.database;
