package io.migrationsafety.trace;

import io.migrationsafety.lock.LockMode;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.schema.Schema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The catalog reads of the tracer: the user's relations with their data files, and the relation
 * locks of one backend. Relations in {@code pg_catalog}, {@code information_schema} and the toast
 * and temporary schemas are left out, which also leaves out the locks of these very reads.
 */
final class Catalog {

  /** One user relation. */
  record Relation(long oid, QualifiedName name, RelationKind kind, long filenode) {}

  private static final String RELATIONS = """
      SELECT c.oid, n.nspname, c.relname, c.relkind::text, c.relfilenode FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
        AND n.nspname NOT LIKE 'pg\\_temp%'
      """;

  private static final String LOCKS = """
      SELECT l.relation, l.mode, l.granted FROM pg_locks l
      WHERE l.pid = %d AND l.locktype = 'relation'
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
      """;

  private Catalog() {}

  /** The relations {@code connection} sees, by oid. */
  static Map<Long, Relation> relations(Connection connection) throws SQLException {
    Map<Long, Relation> rows = new HashMap<>();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(RELATIONS)) {
      while (rs.next()) {
        rows.put(rs.getLong(1), new Relation(rs.getLong(1), QualifiedName.of(rs.getString(2), rs.getString(3)),
            RelationKind.of(rs.getString(4)), rs.getLong(5)));
      }
    }
    return rows;
  }

  /** The modes backend {@code pid} holds or waits for, per relation oid. */
  static Map<Long, Set<LockMode>> locks(Connection connection, int pid) throws SQLException {
    Map<Long, Set<LockMode>> locks = new HashMap<>();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(LOCKS.formatted(pid))) {
      while (rs.next()) {
        LockMode mode = LockMode.fromSqlName(rs.getString(2)).orElseThrow(
            () -> new SQLException("unknown lock mode in pg_locks"));
        locks.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(LockMode.class)).add(mode);
      }
    }
    return locks;
  }

  static int backendPid(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static int majorVersion(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /**
   * The strongest mode per relation among the modes in {@code after} that are not in
   * {@code before}, on relations that existed before ({@code relations}).
   */
  static List<ObservedLock> newLocks(Map<Long, Relation> relations, Map<Long, Set<LockMode>> before,
      Map<Long, Set<LockMode>> after) {
    Map<QualifiedName, ObservedLock> result = new TreeMap<>(Schema.NAME_ORDER);
    after.forEach((oid, modes) -> {
      Relation relation = relations.get(oid);
      if (relation == null) {
        return;
      }
      for (LockMode mode : modes) {
        if (!before.getOrDefault(oid, Set.of()).contains(mode)) {
          result.merge(relation.name(), new ObservedLock(relation.name(), relation.kind(), mode),
              (a, b) -> b.mode().compareTo(a.mode()) > 0 ? b : a);
        }
      }
    });
    return new ArrayList<>(result.values());
  }

  /** Every mode held per relation, as locks (the strongest per relation). */
  static List<ObservedLock> held(Map<Long, Relation> relations, Map<Long, Set<LockMode>> locks) {
    return newLocks(relations, Map.of(), locks);
  }

  /** Relations by name whose data files changed between two reads. */
  static List<QualifiedName> rewrites(Map<Long, Relation> before, Map<Long, Relation> after) {
    Map<QualifiedName, Long> files = new TreeMap<>(Schema.NAME_ORDER);
    before.values().forEach(r -> files.put(r.name(), r.filenode()));
    List<QualifiedName> rewritten = new ArrayList<>();
    after.values().stream().sorted((a, b) -> Schema.NAME_ORDER.compare(a.name(), b.name())).forEach(r -> {
      Long old = files.get(r.name());
      // Views and partitioned tables have no files (relfilenode 0).
      if (old != null && old != 0 && r.filenode() != 0 && old != r.filenode()) {
        rewritten.add(r.name());
      }
    });
    return rewritten;
  }

  /** Relations by name present after and not before. */
  static List<QualifiedName> created(Map<Long, Relation> before, Map<Long, Relation> after) {
    Set<QualifiedName> old = new java.util.TreeSet<>(Schema.NAME_ORDER);
    before.values().forEach(r -> old.add(r.name()));
    return after.values().stream().map(Relation::name).filter(n -> !old.contains(n))
        .sorted(Schema.NAME_ORDER).toList();
  }
}
