package io.migrationsafety.alembic.internal;

/**
 * One {@code op.*} (or {@code batch_op.*}) call met while translating a function.
 *
 * @param name the operation ({@code add_column})
 * @param line the one-based line of the call
 * @param unresolved why it could not be translated, or {@code null} when it became SQL
 */
public record OpCall(String name, int line, String unresolved) {

  /** Whether the call became SQL. */
  public boolean typed() {
    return unresolved == null;
  }
}
