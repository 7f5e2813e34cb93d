package io.migrationsafety.database;

import io.migrationsafety.operation.QualifiedName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks, before anything is read, that the connection's role cannot change the database, in two
 * bulk queries: one over {@code pg_roles} and the database and schema privileges, one over every
 * relation of the user's schemas ({@code has_table_privilege}, ownership).
 *
 * <p>A role can write when it is a superuser or has {@code REPLICATION}; has {@code CREATE} on the
 * database or on a schema of the user's; has {@code INSERT}, {@code UPDATE}, {@code DELETE} or
 * {@code TRUNCATE} (or a column-level {@code INSERT}/{@code UPDATE}) on a table, view or foreign
 * table of those schemas; or owns one of them (an owner can grant itself anything). A session that
 * cannot write whatever its privileges passes: a standby ({@code pg_is_in_recovery()}), or one where
 * {@code default_transaction_read_only} is on.
 *
 * <p>Why refuse rather than merely be careful: the library only ever runs {@code SELECT}s in a
 * {@code READ ONLY} transaction, but a review tool holding credentials that can drop tables is a
 * risk of its own (logs, CI secrets); a read-only role removes it for good.
 */
public final class ReadOnlyGuard {

  /** The name the suggested read-only role gets. */
  public static final String READER_ROLE = "migration_safety_reader";

  /** How many writable tables the message names (the count covers them all). */
  static final int LISTED_TABLES = 10;

  private static final String ROLE_QUERY = """
      SELECT current_user, current_database(), r.rolsuper, r.rolreplication, pg_is_in_recovery(),
             current_setting('default_transaction_read_only') = 'on',
             has_database_privilege(current_database(), 'CREATE'),
             ARRAY(SELECT n.nspname FROM pg_namespace n WHERE %1$s AND has_schema_privilege(n.oid, 'CREATE')
                   ORDER BY 1),
             ARRAY(SELECT n.nspname FROM pg_namespace n WHERE %1$s ORDER BY 1)
      FROM pg_roles r WHERE r.rolname = current_user""".formatted(Catalog.USER_SCHEMA);

  // relkinds: r table, p partitioned table, v view (updatable), m materialized view (REFRESH needs
  // ownership), f foreign table.
  private static final String TABLE_QUERY = """
      SELECT n.nspname, c.relname, pg_has_role(c.relowner, 'USAGE'),
             has_table_privilege(c.oid, 'INSERT'), has_table_privilege(c.oid, 'UPDATE'),
             has_table_privilege(c.oid, 'DELETE'), has_table_privilege(c.oid, 'TRUNCATE'),
             has_any_column_privilege(c.oid, 'INSERT, UPDATE'), count(*) OVER ()
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND %s
        AND (pg_has_role(c.relowner, 'USAGE')
             OR has_table_privilege(c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE')
             OR has_any_column_privilege(c.oid, 'INSERT, UPDATE'))
      ORDER BY n.nspname, c.relname
      LIMIT %d""".formatted(Catalog.USER_SCHEMA, LISTED_TABLES);

  private ReadOnlyGuard() {}

  /**
   * Checks the role of {@code connection}; run it inside the read-only transaction the reads use.
   *
   * @param allowWritable let a role that can write through; the result's {@link ReadOnlyCheck#warning()}
   *     then says so
   * @throws WritableConnectionException when the role can write and {@code allowWritable} is false
   */
  public static ReadOnlyCheck check(Connection connection, boolean allowWritable) throws SQLException {
    List<String> writes = new ArrayList<>();
    String[] role = new String[2];
    boolean[] flags = new boolean[2];
    List<String> schemas = new ArrayList<>();
    Catalog.query(connection, ROLE_QUERY, row -> {
      role[0] = row.getString(1);
      role[1] = row.getString(2);
      if (row.getBoolean(3)) {
        writes.add("superuser");
      }
      if (row.getBoolean(4)) {
        writes.add("REPLICATION");
      }
      flags[0] = row.getBoolean(5);
      flags[1] = row.getBoolean(6);
      if (row.getBoolean(7)) {
        writes.add("CREATE on database " + QualifiedName.quote(row.getString(2)));
      }
      for (String schema : strings(row.getArray(8))) {
        writes.add("CREATE on schema " + QualifiedName.quote(schema));
      }
      schemas.addAll(strings(row.getArray(9)));
    });
    if (role[0] == null) {
      throw new SQLException("the current role is not in pg_roles");
    }
    long[] tables = {0};
    Catalog.query(connection, TABLE_QUERY, row -> {
      tables[0] = row.getLong(9);
      String table = QualifiedName.of(row.getString(1), row.getString(2)).sql();
      List<String> privileges = new ArrayList<>();
      String[] names = {"INSERT", "UPDATE", "DELETE", "TRUNCATE"};
      for (int i = 0; i < names.length; i++) {
        if (row.getBoolean(4 + i)) {
          privileges.add(names[i]);
        }
      }
      if (privileges.isEmpty() && row.getBoolean(8)) {
        privileges.add("column INSERT/UPDATE");
      }
      if (row.getBoolean(3)) {
        privileges.add(0, "owner");
      }
      writes.add(String.join(", ", privileges) + " on table " + table);
    });
    ReadOnlyCheck check = new ReadOnlyCheck(role[0], role[1], flags[0], flags[1], writes, tables[0], schemas,
        allowWritable);
    if (!check.readOnly() && !allowWritable) {
      throw new WritableConnectionException(check);
    }
    return check;
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
