package io.migrationsafety.alembic.internal;

import java.util.List;

/**
 * What one function of a revision file ({@code upgrade()} or {@code downgrade()}) does, as SQL.
 *
 * @param sql the statements, each on the line of the Python call it comes from
 * @param statements how many statements (placeholders for untranslated code included)
 * @param calls the {@code op.*} calls met, in order
 * @param empty whether the function does nothing: its body is only {@code pass}, a docstring or
 *     {@code ...}
 */
public record Translation(String sql, int statements, List<OpCall> calls, boolean empty) {

  public Translation {
    calls = List.copyOf(calls);
  }
}
