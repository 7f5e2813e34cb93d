package io.migrationsafety.database;

import io.migrationsafety.operation.IndexElement;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.parse.internal.ExpressionAnalyzer;
import io.migrationsafety.schema.Index;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every index of the user's schemas, with its keys, in one query (one row per key). */
final class IndexQueries {

  // indoption bits (src/include/catalog/pg_index.h)
  private static final int DESC = 1;
  private static final int NULLS_FIRST = 2;

  /**
   * The oid of the collation {@code "default"}: an expression key of a collatable type gets it
   * unless the expression says otherwise, so it is no collation the migration wrote.
   */
  private static final int DEFAULT_COLLATION = 100;

  // int2vector and oidvector subscripts start at 0. INCLUDE columns have no opclass or option.
  // pg_get_indexdef deparses the whole index: it is asked only for expression keys (indkey 0).
  private static final String SQL = """
      SELECT i.indexrelid, n.nspname, ic.relname, tn.nspname, t.relname, i.indisunique, am.amname,
             i.indnkeyatts, i.indisvalid, pg_get_expr(i.indpred, i.indrelid, true),
             k.n, a.attname,
             CASE WHEN i.indkey[k.n - 1] = 0 THEN pg_get_indexdef(i.indexrelid, k.n, true) END,
             i.indoption[k.n - 1],
             CASE WHEN NOT opc.opcdefault THEN opc.opcname END,
             CASE WHEN i.indcollation[k.n - 1] <> 0
                       AND i.indcollation[k.n - 1] <> COALESCE(a.attcollation, %d)
                  THEN quote_ident(co.collname) END
      FROM pg_index i
      JOIN pg_class ic ON ic.oid = i.indexrelid
      JOIN pg_namespace n ON n.oid = ic.relnamespace
      JOIN pg_class t ON t.oid = i.indrelid
      JOIN pg_namespace tn ON tn.oid = t.relnamespace
      JOIN pg_am am ON am.oid = ic.relam
      CROSS JOIN LATERAL generate_series(1, i.indnatts) AS k(n)
      LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.n - 1] AND i.indkey[k.n - 1] <> 0
      LEFT JOIN pg_opclass opc ON opc.oid = i.indclass[k.n - 1]
      LEFT JOIN pg_collation co ON co.oid = i.indcollation[k.n - 1]
      WHERE t.relkind IN ('r', 'p', 'm') AND %s
      ORDER BY i.indexrelid, k.n""".formatted(DEFAULT_COLLATION, Catalog.USER_SCHEMA);

  private IndexQueries() {}

  /** The indexes, in creation (oid) order. */
  static List<Index> indexes(Connection connection) throws SQLException {
    Map<Long, Index> indexes = new LinkedHashMap<>();
    Map<Long, List<IndexElement>> keys = new LinkedHashMap<>();
    Map<Long, List<String>> included = new LinkedHashMap<>();
    Catalog.query(connection, SQL, row -> {
      long oid = row.getLong(1);
      if (!indexes.containsKey(oid)) {
        String predicate = row.getString(10);
        indexes.put(oid, new Index(QualifiedName.of(row.getString(2), row.getString(3)),
            QualifiedName.of(row.getString(4), row.getString(5)), row.getBoolean(6), row.getString(7), List.of(),
            List.of(), predicate == null ? null : ExpressionAnalyzer.analyze(predicate), row.getBoolean(9)));
        keys.put(oid, new ArrayList<>());
        included.put(oid, new ArrayList<>());
      }
      int position = row.getInt(11);
      String column = row.getString(12);
      if (position > row.getInt(8)) {
        included.get(oid).add(column);
        return;
      }
      int option = row.getInt(14);
      boolean descending = (option & DESC) != 0;
      boolean nullsFirst = (option & NULLS_FIRST) != 0;
      // NULLS FIRST is the default of DESC and NULLS LAST of ASC: only the other way round was written.
      Boolean nulls = nullsFirst == descending ? null : nullsFirst;
      keys.get(oid).add(column != null
          ? new IndexElement(column, null, row.getString(16), row.getString(15), descending, nulls)
          : new IndexElement(null, ExpressionAnalyzer.analyze(row.getString(13)), row.getString(16),
              row.getString(15), descending, nulls));
    });
    List<Index> result = new ArrayList<>();
    indexes.forEach((oid, index) -> result.add(new Index(index.name(), index.table(), index.unique(), index.method(),
        keys.get(oid), included.get(oid), index.predicate(), index.valid())));
    return result;
  }
}
