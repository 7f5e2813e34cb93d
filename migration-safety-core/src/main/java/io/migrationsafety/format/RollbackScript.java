package io.migrationsafety.format;

import java.util.List;
import java.util.Objects;

/**
 * A synthesized rollback, as a {@link DownScriptWriter} receives it.
 *
 * @param sql the rollback as one SQL script, statements in the order they run, each under a comment
 *     naming the forward line it undoes
 * @param statements the same statements without comments or terminators, for formats that wrap
 *     each one ({@code op.execute(...)})
 * @param outsideTransaction whether a statement must run outside a transaction block
 *     ({@code DROP INDEX CONCURRENTLY}), so the format must mark the script non-transactional
 */
public record RollbackScript(String sql, List<String> statements, boolean outsideTransaction) {

  public RollbackScript {
    Objects.requireNonNull(sql, "sql");
    statements = List.copyOf(statements);
  }
}
