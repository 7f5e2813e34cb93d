/**
 * Schema replay: applies each parsed {@link io.migrationsafety.operation.Operation} to an
 * immutable {@link io.migrationsafety.schema.Schema}, as PostgreSQL would, naming what PostgreSQL
 * would refuse instead of throwing. {@link io.migrationsafety.schema.replay.SchemaReplayer} is the
 * entry point; the other classes of the package are its parts, one per family of statements.
 */
package io.migrationsafety.schema.replay;
