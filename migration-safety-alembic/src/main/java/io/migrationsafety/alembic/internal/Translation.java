package io.migrationsafety.alembic.internal;

import java.util.List;

/**
 * What one function of a revision file ({@code upgrade()} or {@code downgrade()}) does, as SQL.
 *
 * @param sql the statements, each on the line of the Python call it comes from
 * @param calls the {@code op.*} calls met, in order
 * @param empty whether the function does nothing: its body is only {@code pass}, a docstring,
 *     {@code ...} or {@code raise}
 * @param explicitTransaction whether the SQL manages its own transaction: a function with an
 *     {@code autocommit_block()} is written as Alembic writes it offline, {@code BEGIN} on the
 *     {@code def} line, {@code COMMIT} / {@code BEGIN} around the block and {@code COMMIT} at the
 *     end, to be run as psql runs Alembic's offline script (no transaction of its own)
 */
public record Translation(String sql, List<OpCall> calls, boolean empty,
    boolean explicitTransaction) {

  public Translation {
    calls = List.copyOf(calls);
  }
}
