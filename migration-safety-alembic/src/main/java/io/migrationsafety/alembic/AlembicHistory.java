package io.migrationsafety.alembic;

import io.migrationsafety.format.AppliedRun;
import io.migrationsafety.format.HistorySql;
import io.migrationsafety.format.HistoryWriter;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.sql.SqlLiteral;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Writes {@code alembic_version} as Alembic keeps it: one row per current head. Recording a
 * revision removes the rows of the revisions it follows on its branch ({@code down_revision}, both
 * parents at a merge point) and adds its own; a revision it only depends on stays a head, as in
 * Alembic. Forgetting it (the rollback script) does the reverse.
 *
 * <p>{@code alembic_version} has no place for a failed run: a revision that failed after part of it
 * was committed (inside an {@code autocommit_block()}) cannot be marked, so {@link #recordFailed}
 * refuses with an error that says so, rather than leave a history that looks clean.
 */
public final class AlembicHistory implements HistoryWriter, HistorySql {

  static final String TABLE = "alembic_version";

  /**
   * Each project's revision graph, read once: the executor asks for it while a migration's locks
   * are held, and the release script three times per migration.
   */
  private final Map<Path, RevisionGraph> graphs = new ConcurrentHashMap<>();

  @Override
  public void prepare(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(prepare());
    }
  }

  @Override
  public void recordApplied(Connection connection, MigrationSet set, AppliedRun run) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(recordApplied(set, run.migration(), run.file()));
    }
  }

  @Override
  public void recordFailed(Connection connection, MigrationSet set, AppliedRun run) throws SQLException {
    throw new SQLException(TABLE + " cannot record that revision " + run.migration().id() + " (" + run.file()
        + ") failed after part of it was committed; Alembic would run all of it again. Undo its committed "
        + "statements by hand before running it again");
  }

  @Override
  public Optional<HistorySql> sql() {
    return Optional.of(this);
  }

  @Override
  public String prepare() {
    return "CREATE TABLE IF NOT EXISTS " + TABLE + " (version_num VARCHAR(32) NOT NULL, "
        + "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))";
  }

  @Override
  public String appliedQuery(MigrationSet set, Migration migration) {
    Set<String> after = graph(set).descendants(migration.id());
    return "SELECT EXISTS (SELECT 1 FROM " + TABLE + " WHERE version_num IN (" + list(after) + "))";
  }

  @Override
  public String recordApplied(MigrationSet set, Migration migration, String file) {
    Set<String> before = new TreeSet<>(graph(set).versionedAncestors(migration.id()));
    before.remove(migration.id());
    String delete = before.isEmpty() ? "" : "DELETE FROM " + TABLE + " WHERE version_num IN (" + list(before) + "); ";
    return delete + "INSERT INTO " + TABLE + " (version_num) VALUES (" + SqlLiteral.of(migration.id()) + ")";
  }

  @Override
  public String forget(MigrationSet set, Migration migration) {
    RevisionGraph graph = graph(set);
    StringBuilder sql = new StringBuilder("DELETE FROM " + TABLE + " WHERE version_num = " + SqlLiteral.of(migration.id()));
    List<String> parents = graph.revision(migration.id()).downRevisions();
    for (String parent : parents) {
      Set<String> later = new TreeSet<>(graph.descendants(parent));
      sql.append("; INSERT INTO ").append(TABLE).append(" (version_num) SELECT ").append(SqlLiteral.of(parent))
          .append(" WHERE NOT EXISTS (SELECT 1 FROM ").append(TABLE).append(" WHERE version_num IN (")
          .append(list(later)).append("))");
    }
    return sql.toString();
  }

  private RevisionGraph graph(MigrationSet set) {
    return graphs.computeIfAbsent(set.directory(), directory -> AlembicFormat.Project.read(directory).graph());
  }

  private static String list(Set<String> ids) {
    return ids.stream().sorted().map(SqlLiteral::of).collect(Collectors.joining(", "));
  }

}
