package io.migrationsafety.database;

import io.migrationsafety.operation.QualifiedName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@link ReadOnlyGuard} found out about the connection's role.
 *
 * @param role the role the session runs as ({@code current_user})
 * @param database the database ({@code current_database()})
 * @param standby whether the server is a standby ({@code pg_is_in_recovery()}): nothing can write
 * @param defaultTransactionReadOnly whether {@code default_transaction_read_only} is on for the session
 * @param writes what the role can write, most serious first; the tables among them are the first
 *     {@value ReadOnlyGuard#LISTED_TABLES} only (see {@code writableTables})
 * @param writableTables how many tables (views, foreign tables …) the role can write or owns in all
 * @param schemas the non-system schemas, for the read-only role SQL
 * @param overridden whether the caller chose to read through a role that can write
 */
public record ReadOnlyCheck(
    String role,
    String database,
    boolean standby,
    boolean defaultTransactionReadOnly,
    List<String> writes,
    long writableTables,
    List<String> schemas,
    boolean overridden) {

  public ReadOnlyCheck {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(database, "database");
    writes = List.copyOf(writes);
    schemas = List.copyOf(schemas);
  }

  /** Whether nothing can be written through the session: no write privilege, a standby, or read-only by default. */
  public boolean readOnly() {
    return writes.isEmpty() || standby || defaultTransactionReadOnly;
  }

  /** The text to print when reading through a role that can write was allowed by the override. */
  public Optional<String> warning() {
    if (readOnly() || !overridden) {
      return Optional.empty();
    }
    return Optional.of("WARNING: reading database " + database + " as role " + role + ", which can write ("
        + summary() + "); allowed by the override. migration-safety only reads, inside a READ ONLY "
        + "transaction, but a read-only role makes that a guarantee of the server:\n" + readerRoleSql());
  }

  /** The message of the refusal: what the role can write and how to make a read-only role. */
  String refusal() {
    return "refusing to read database " + database + " as role " + role + ": it can write (" + summary() + "). "
        + "Connect as a role that can only read, for example one made with:\n" + readerRoleSql()
        + "\nor allow it explicitly with the override (the library still only reads, in a READ ONLY transaction).";
  }

  /** The SQL that creates a role {@link ReadOnlyGuard} lets through, for this database and its schemas. */
  public String readerRoleSql() {
    String role = ReadOnlyGuard.READER_ROLE;
    String schemaList = (schemas.isEmpty() ? List.of("public") : schemas).stream()
        .map(QualifiedName::quote).collect(Collectors.joining(", "));
    return "CREATE ROLE " + role + " LOGIN PASSWORD 'choose-a-password';\n"
        + "GRANT CONNECT ON DATABASE " + QualifiedName.quote(database) + " TO " + role + ";\n"
        + "GRANT USAGE ON SCHEMA " + schemaList + " TO " + role + ";\n"
        + "GRANT SELECT ON ALL TABLES IN SCHEMA " + schemaList + " TO " + role + ";\n"
        + "ALTER ROLE " + role + " SET default_transaction_read_only = on;";
  }

  private String summary() {
    long listedTables = writes.stream().filter(w -> w.contains(" table ")).count();
    String more = writableTables > listedTables ? "; " + writableTables + " writable tables in all" : "";
    return String.join("; ", writes) + more;
  }
}
