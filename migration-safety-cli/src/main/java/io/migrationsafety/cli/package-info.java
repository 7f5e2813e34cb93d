/**
 * The {@code migration-safety} command line. {@link io.migrationsafety.cli.Main#run} runs a
 * command against injected writers and returns its exit code; only {@code main} exits.
 */
package io.migrationsafety.cli;
