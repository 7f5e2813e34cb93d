package io.migrationsafety.database;

import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Index;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Sequence;
import io.migrationsafety.schema.Table;
import io.migrationsafety.schema.UserType;
import io.migrationsafety.schema.View;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the schema of a live PostgreSQL database from {@code pg_catalog} into the
 * {@link Schema} model, in a fixed number of bulk queries (about ten, whatever the number of
 * tables), not one {@code DatabaseMetaData} call per table.
 *
 * <p>Everything runs inside one {@code READ ONLY} transaction at {@code REPEATABLE READ}, so all
 * queries see the same snapshot, and the transaction is rolled back: the library never writes.
 * System schemas ({@code pg_catalog}, {@code information_schema}, {@code pg_toast},
 * {@code pg_temp_N}) are left out.
 */
public final class SchemaIntrospector {

  private SchemaIntrospector() {}

  /**
   * Reads the schema without checking the role first (see {@link #read(Connection, boolean)} for that).
   * A connection in auto-commit mode is used for one read-only transaction; one that is not is
   * made read-only for its current transaction, which is then rolled back.
   *
   * @throws DatabaseUnavailableException when a catalog query fails
   */
  public static IntrospectedSchema introspect(Connection connection) {
    return ReadOnlyTransaction.run(connection, "reading the schema", () -> readSchema(connection, null));
  }

  /**
   * Checks that the role cannot write ({@link ReadOnlyGuard}), then reads the schema, in one
   * read-only transaction.
   *
   * @param allowWritable read even through a role that can write; the result's
   *     {@link ReadOnlyCheck#warning()} then has the text to print
   * @throws WritableConnectionException when the role can write and {@code allowWritable} is false
   * @throws DatabaseUnavailableException when a catalog query fails
   */
  public static IntrospectedSchema read(Connection connection, boolean allowWritable) {
    return ReadOnlyTransaction.run(connection, "reading the schema",
        () -> readSchema(connection, ReadOnlyGuard.check(connection, allowWritable)));
  }

  private static IntrospectedSchema readSchema(Connection connection, ReadOnlyCheck check) throws SQLException {
    int[] version = new int[1];
    String[] settings = new String[2];
    Catalog.query(connection, "SELECT current_setting('server_version_num')::int, current_setting('server_version'), "
        + "current_setting('search_path')", row -> {
          version[0] = row.getInt(1) / 10_000;
          settings[0] = row.getString(2);
          settings[1] = row.getString(3);
        });
    int major = version[0];
    Map<Long, TableQueries.TableRow> tables = TableQueries.tables(connection, major);
    Map<Long, List<Constraint>> constraints = ConstraintQueries.constraints(connection);
    Map<io.migrationsafety.operation.QualifiedName, Table> tableMap = new TreeMap<>(Schema.NAME_ORDER);
    tables.forEach((oid, t) -> tableMap.put(t.name(), new Table(t.name(), t.columns(),
        constraints.getOrDefault(oid, List.of()), t.persistence(), t.partitionOf(), t.partitionBy(), t.rowEstimate(),
        t.sizeBytes())));
    Schema schema = new Schema(
        tableMap,
        byName(IndexQueries.indexes(connection), Index::name),
        byName(ObjectQueries.types(connection), UserType::name),
        byName(ObjectQueries.sequences(connection), Sequence::name),
        byName(ObjectQueries.views(connection), View::name),
        new TreeSet<>(ObjectQueries.schemas(connection)),
        new TreeSet<>(ObjectQueries.extensions(connection)));
    return new IntrospectedSchema(schema, major, settings[0], settings[1], check);
  }

  private static <T> Map<io.migrationsafety.operation.QualifiedName, T> byName(List<T> values,
      Function<T, io.migrationsafety.operation.QualifiedName> name) {
    return values.stream().collect(Collectors.toMap(name, v -> v, (a, b) -> a, () -> new TreeMap<>(Schema.NAME_ORDER)));
  }
}
