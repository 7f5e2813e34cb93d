package io.migrationsafety.operation;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A possibly schema-qualified name, as PostgreSQL resolves it: unquoted parts already folded to
 * lower case, quoted parts kept as written.
 *
 * @param schema the schema, or {@code null} when the name is not qualified (resolved through
 *     {@code search_path})
 * @param name the object's own name
 */
public record QualifiedName(String schema, String name) {

  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

  public QualifiedName {
    Objects.requireNonNull(name, "name");
  }

  /** An unqualified name. */
  public static QualifiedName of(String name) {
    return new QualifiedName(null, name);
  }

  /** A schema-qualified name. */
  public static QualifiedName of(String schema, String name) {
    return new QualifiedName(schema, name);
  }

  /** Whether a schema is given. */
  public boolean isQualified() {
    return schema != null;
  }

  /** This name with {@code defaultSchema} filled in when no schema is given. */
  public QualifiedName withDefaultSchema(String defaultSchema) {
    return schema != null ? this : new QualifiedName(defaultSchema, name);
  }

  /** The name as SQL, quoting the parts that need it. */
  public String sql() {
    return schema == null ? quote(name) : quote(schema) + "." + quote(name);
  }

  /** One identifier as SQL: quoted unless PostgreSQL would read it back unchanged without quotes. */
  public static String quote(String identifier) {
    if (PLAIN.matcher(identifier).matches() && !Keywords.isReserved(identifier)) {
      return identifier;
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  @Override
  public String toString() {
    return sql();
  }
}
