package io.migrationsafety.database;

import io.migrationsafety.operation.GeneratedColumn;
import io.migrationsafety.operation.Identity;
import io.migrationsafety.operation.Persistence;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.parse.internal.ExpressionAnalyzer;
import io.migrationsafety.schema.Column;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tables and their columns, in two queries over all tables at once. */
final class TableQueries {

  /** A table as read, before its constraints are attached. */
  record TableRow(QualifiedName name, Persistence persistence, QualifiedName partitionOf, String partitionBy,
      Long rowEstimate, Long sizeBytes, List<Column> columns) {}

  private TableQueries() {}

  /** Every table (plain, partitioned, partition) of the user's schemas by oid, with its columns. */
  static Map<Long, TableRow> tables(Connection connection, int major) throws SQLException {
    Map<Long, TableRow> tables = new LinkedHashMap<>();
    // relpages = 0 with reltuples = 0 before PostgreSQL 14 means "never analyzed" as often as "empty";
    // 14+ says -1 for never analyzed. Unknown is treated as large by the rules, which is the safe side.
    String unknownRows = major >= 14 ? "c.reltuples < 0" : "(c.reltuples = 0 AND c.relpages = 0)";
    // The size is the table's, its TOAST table's and its indexes' pages as the catalog records them
    // (relpages, kept by VACUUM, ANALYZE and CREATE INDEX, like reltuples), not pg_total_relation_size:
    // that one asks the file system about every file of every relation, a third of the whole
    // introspection time on 5,000 tables. An estimate is what the row count is too.
    String sql = """
        SELECT c.oid, n.nspname, c.relname, c.relpersistence,
               CASE WHEN %1$s THEN NULL ELSE c.reltuples::bigint END,
               CASE WHEN %1$s THEN NULL
                    ELSE (c.relpages::bigint + COALESCE(tc.relpages, 0) + COALESCE(ix.pages, 0))
                         * current_setting('block_size')::bigint END,
               CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
               pn.nspname, pc.relname
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class tc ON tc.oid = c.reltoastrelid
        LEFT JOIN (SELECT x.indrelid, sum(xc.relpages)::bigint AS pages
                   FROM pg_index x JOIN pg_class xc ON xc.oid = x.indexrelid GROUP BY x.indrelid) ix
               ON ix.indrelid = c.oid
        LEFT JOIN pg_inherits i ON c.relispartition AND i.inhrelid = c.oid
        LEFT JOIN pg_class pc ON pc.oid = i.inhparent
        LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
        WHERE c.relkind IN ('r', 'p') AND %2$s
        ORDER BY c.oid""".formatted(unknownRows, Catalog.USER_SCHEMA);
    Catalog.query(connection, sql, row -> {
      String parent = row.getString(9);
      tables.put(row.getLong(1), new TableRow(QualifiedName.of(row.getString(2), row.getString(3)),
          persistence(row.getString(4)), parent == null ? null : QualifiedName.of(row.getString(8), parent),
          row.getString(7), (Long) row.getObject(5), (Long) row.getObject(6), new ArrayList<>()));
    });
    Map<Long, List<Column>> columns = columns(connection, major);
    Map<Long, TableRow> result = new LinkedHashMap<>();
    tables.forEach((oid, t) -> result.put(oid, new TableRow(t.name(), t.persistence(), t.partitionOf(),
        t.partitionBy(), t.rowEstimate(), t.sizeBytes(), columns.getOrDefault(oid, List.of()))));
    return result;
  }

  private static Map<Long, List<Column>> columns(Connection connection, int major) throws SQLException {
    // attgenerated exists from PostgreSQL 12 on.
    String generated = major >= 12 ? "a.attgenerated" : "''";
    String sql = """
        SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attndims, a.attnotnull,
               pg_get_expr(d.adbin, d.adrelid), a.attidentity, %s,
               CASE WHEN a.attcollation <> t.typcollation THEN
                 CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname)
                      ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END END
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        LEFT JOIN pg_collation co ON co.oid = a.attcollation
        LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
        WHERE c.relkind IN ('r', 'p') AND %s AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attrelid, a.attnum""".formatted(generated, Catalog.USER_SCHEMA);
    Map<Long, List<Column>> columns = new HashMap<>();
    Catalog.query(connection, sql, row -> {
      String expression = row.getString(6);
      String identity = row.getString(7);
      String generatedKind = row.getString(8);
      GeneratedColumn generatedColumn = null;
      String defaultValue = expression;
      if (generatedKind != null && !generatedKind.isEmpty() && expression != null) {
        // 's' stored, 'v' virtual (PostgreSQL 18): the expression is the generation, not a default.
        generatedColumn = new GeneratedColumn(ExpressionAnalyzer.analyze(expression), generatedKind.equals("s"));
        defaultValue = null;
      }
      Identity identityColumn = identity == null || identity.isEmpty() ? null : new Identity(identity.equals("a"), "");
      Column column = new Column(row.getString(2), TypeNames.of(row.getString(3), row.getInt(4)), row.getBoolean(5),
          defaultValue == null ? null : ExpressionAnalyzer.analyze(defaultValue), identityColumn, generatedColumn,
          row.getString(9));
      columns.computeIfAbsent(row.getLong(1), k -> new ArrayList<>()).add(column);
    });
    return columns;
  }

  private static Persistence persistence(String relpersistence) {
    return switch (relpersistence) {
      case "u" -> Persistence.UNLOGGED;
      case "t" -> Persistence.TEMPORARY;
      default -> Persistence.PERMANENT;
    };
  }
}
