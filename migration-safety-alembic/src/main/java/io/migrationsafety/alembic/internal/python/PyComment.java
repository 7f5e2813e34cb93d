package io.migrationsafety.alembic.internal.python;

/**
 * A {@code # comment} of a Python file.
 *
 * @param line its one-based line
 * @param text the comment without its {@code #}
 */
public record PyComment(int line, String text) {}
