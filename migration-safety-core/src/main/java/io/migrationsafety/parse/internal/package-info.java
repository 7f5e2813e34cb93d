/**
 * The parsers behind {@link io.migrationsafety.parse.SqlParser}: one class per statement family,
 * over a {@link io.migrationsafety.parse.internal.TokenCursor}. Internal: no compatibility promise.
 *
 * <p>Why a parser of our own: JSqlParser, used here for DML and expressions, rejects much of the
 * PostgreSQL DDL that migrations are made of ({@code DROP INDEX CONCURRENTLY},
 * {@code ADD CONSTRAINT … NOT VALID}, {@code USING INDEX}, {@code SET DATA TYPE},
 * {@code LOCK TABLE}, {@code VACUUM}, {@code REINDEX}, {@code BEGIN ATOMIC} …), and what it accepts
 * it does not always model. These classes follow PostgreSQL's grammar (src/backend/parser/gram.y)
 * for the statements migrations use, and report anything else as not understood.
 */
package io.migrationsafety.parse.internal;
