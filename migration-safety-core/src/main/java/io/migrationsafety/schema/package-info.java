/**
 * The schema model: immutable records for what a database holds (tables with their columns and
 * constraints, indexes, user types, sequences, views), with a row estimate and size per table
 * where known. Filled by replaying migrations, by introspecting a database, or from a snapshot.
 * All names are schema-qualified.
 */
package io.migrationsafety.schema;
