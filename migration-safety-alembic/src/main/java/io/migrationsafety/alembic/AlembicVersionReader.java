package io.migrationsafety.alembic;

import io.migrationsafety.format.AppliedState;
import io.migrationsafety.format.AppliedStateReader;
import io.migrationsafety.format.HistoryProblem;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.operation.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Alembic's history: the table {@code alembic_version} holds the current heads, one row each.
 * Every revision a head follows or depends on has run too; the rest are pending. A head that no
 * revision file declares is a problem (the files are older than the database, or a branch is
 * missing).
 */
public final class AlembicVersionReader implements AppliedStateReader {

  @Override
  public AppliedState read(Connection connection, MigrationSet set) throws SQLException {
    String table = table(connection);
    if (table == null) {
      return new AppliedState("alembic_version (absent: nothing applied)", Set.of(), List.of());
    }
    RevisionGraph graph = AlembicFormat.Project.read(set.directory()).graph();
    Set<String> applied = new LinkedHashSet<>();
    List<HistoryProblem> problems = new ArrayList<>();
    try (PreparedStatement st = connection.prepareStatement("SELECT version_num FROM " + table + " ORDER BY 1");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        String head = rs.getString(1);
        if (graph.revision(head) == null) {
          problems.add(new HistoryProblem(HistoryProblem.Kind.MISSING_FILE, head, null, table
              + " says the database is at revision " + head + ", which no revision file declares"));
        } else {
          applied.addAll(graph.ancestors(head));
        }
      }
    }
    Set<String> ids = new LinkedHashSet<>();
    set.migrations().forEach(m -> ids.add(m.id()));
    applied.retainAll(ids);
    return new AppliedState(table, applied, problems);
  }

  /** The schema-qualified name of the alembic_version table on the search path, or {@code null}. */
  private static String table(Connection connection) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement(
        "SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE c.oid = to_regclass('alembic_version')");
        ResultSet rs = st.executeQuery()) {
      return rs.next() ? QualifiedName.of(rs.getString(1), "alembic_version").sql() : null;
    }
  }
}
