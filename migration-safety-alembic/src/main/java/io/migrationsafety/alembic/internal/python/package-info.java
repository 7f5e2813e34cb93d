/**
 * A tokenizer and parser for the part of Python that Alembic revision files use: imports,
 * assignments, functions, {@code if}/{@code for}/{@code with}/{@code try}, calls and literals.
 * Statements it does not model (match, del, raise…) are kept as opaque statements, never lost.
 *
 * <p>Internal: no compatibility promise.
 */
package io.migrationsafety.alembic.internal.python;
