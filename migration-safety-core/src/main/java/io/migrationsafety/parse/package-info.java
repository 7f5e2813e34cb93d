/**
 * Reading migration scripts: {@link io.migrationsafety.parse.SqlParser} turns a script into
 * {@link io.migrationsafety.parse.ParsedStatement}s, each with its exact source span and the typed
 * {@link io.migrationsafety.operation.Operation}s it performs.
 */
package io.migrationsafety.parse;
