package io.migrationsafety.operation;

import java.util.List;
import java.util.Objects;

/**
 * {@code CREATE [OR REPLACE] [TEMP] [RECURSIVE] [MATERIALIZED] VIEW …}.
 *
 * @param name the view
 * @param materialized a materialized view
 * @param orReplace {@code OR REPLACE}
 * @param ifNotExists {@code IF NOT EXISTS} (materialized views)
 * @param columns the column names in parentheses, if written
 * @param query the defining query as written
 * @param withData whether a materialized view is filled now ({@code WITH NO DATA} is false)
 */
public record CreateView(
    QualifiedName name,
    boolean materialized,
    boolean orReplace,
    boolean ifNotExists,
    List<String> columns,
    String query,
    boolean withData) implements Operation {

  public CreateView {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(query, "query");
    columns = List.copyOf(columns);
  }

  @Override
  public OperationKind kind() {
    return OperationKind.CREATE_VIEW;
  }
}
