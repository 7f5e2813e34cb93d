package io.migrationsafety.database;

import io.migrationsafety.schema.Schema;
import java.util.Objects;

/**
 * A schema read from a live database, with what the review needs to know about the server.
 *
 * @param schema the schema model
 * @param serverMajorVersion the server's major version ({@code 16} for 16.4)
 * @param serverVersion the server's version as it reports it ({@code server_version})
 * @param searchPath the session's {@code search_path}. Object names in the model are always
 *     schema-qualified; only text the server prints back (column types, defaults, predicates) names
 *     an object outside the search path with its schema ({@code other.mood}), one inside it without
 * @param readOnlyCheck what the read-only guard found, or {@code null} when the schema was read
 *     without it ({@link SchemaIntrospector#introspect})
 */
public record IntrospectedSchema(
    Schema schema,
    int serverMajorVersion,
    String serverVersion,
    String searchPath,
    ReadOnlyCheck readOnlyCheck) {

  public IntrospectedSchema {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(serverVersion, "serverVersion");
  }
}
