/**
 * Data probes: before a migration adds a constraint or narrows a type, bounded read-only queries on
 * the live database look for the rows that would make it fail. {@link io.migrationsafety.probe.DataProbes}
 * builds the queries from an operation (with every identifier quoted), a
 * {@link io.migrationsafety.probe.DataProber} runs them (the live one,
 * {@link io.migrationsafety.database.LiveDataProber}, in a read-only transaction with a timeout per
 * probe and a budget per review), and the rule {@code fails-on-existing-data} reports what they find.
 */
package io.migrationsafety.probe;
