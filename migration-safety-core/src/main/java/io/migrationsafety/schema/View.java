package io.migrationsafety.schema;

import io.migrationsafety.operation.QualifiedName;
import java.util.Objects;

/**
 * A view or materialized view.
 *
 * @param name its schema-qualified name
 * @param materialized whether it is a materialized view
 * @param query its defining query as written
 */
public record View(QualifiedName name, boolean materialized, String query) {

  public View {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(query, "query");
  }

  /**
   * The query without the semicolon PostgreSQL ends it with when it prints a view back
   * ({@code pg_get_viewdef}): the same text whether the view was introspected or replayed.
   */
  public String body() {
    return query.strip().replaceFirst(";$", "").strip();
  }
}
