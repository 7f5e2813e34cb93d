/**
 * How an Alembic revision file becomes SQL: a small interpreter over the Python syntax tree that
 * evaluates what is known statically (literals, module constants, SQLAlchemy constructs, simple
 * f-strings, loops over literal lists) and turns each {@code op.*} call into the PostgreSQL
 * statements Alembic would emit for it, on the line of the call.
 *
 * <p>Internal: no compatibility promise.
 */
package io.migrationsafety.alembic.internal;
