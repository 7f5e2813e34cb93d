package io.migrationsafety.flyway;

import io.migrationsafety.format.AppliedState;
import io.migrationsafety.format.HistoryProblem;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

/**
 * The applied state as Flyway itself reports it ({@code flyway.info()}): inside a migration, the
 * migrations Flyway is about to run are exactly its pending ones, whatever its {@code target},
 * {@code outOfOrder} or baseline settings say. Flyway reads its own history table for this; the
 * review reads nothing through Flyway's connection.
 */
final class FlywayAppliedState {

  private FlywayAppliedState() {}

  static AppliedState of(MigrationSet set, MigrationInfoService info, String source) {
    Set<String> pending = new HashSet<>();
    for (MigrationInfo m : info.pending()) {
      pending.add(idOf(m, set));
    }
    Set<String> applied = new HashSet<>();
    for (Migration m : set.migrations()) {
      if (!pending.contains(m.id())) {
        applied.add(m.id());
      }
    }
    List<HistoryProblem> problems = new ArrayList<>();
    for (MigrationInfo m : info.all()) {
      HistoryProblem.Kind kind = kind(m.getState());
      if (kind != null) {
        String id = idOf(m, set);
        problems.add(new HistoryProblem(kind, id, fileOf(id, set), source + ": " + m.getScript() + " is "
            + m.getState().getDisplayName() + " (version " + (m.getVersion() == null ? "repeatable" : m.getVersion())
            + ")"));
      }
    }
    return new AppliedState(source, applied, problems);
  }

  private static HistoryProblem.Kind kind(MigrationState state) {
    if (state.isFailed()) {
      return HistoryProblem.Kind.FAILED;
    }
    return switch (state) {
      case MISSING_SUCCESS -> HistoryProblem.Kind.MISSING_FILE;
      case IGNORED -> HistoryProblem.Kind.OUT_OF_ORDER;
      default -> null;
    };
  }

  private static String fileOf(String id, MigrationSet set) {
    for (Migration m : set.migrations()) {
      if (m.id().equals(id)) {
        java.nio.file.Path file = m.file();
        return (file.startsWith(set.directory()) ? set.directory().relativize(file) : file).toString().replace('\\', '/');
      }
    }
    return null;
  }

  /** The id this format gives the migration Flyway describes: its version, or a repeatable's stem. */
  private static String idOf(MigrationInfo info, MigrationSet set) {
    if (info.getVersion() != null) {
      return info.getVersion().getVersion();
    }
    for (Migration m : set.migrations()) {
      if (m.version() == null && m.description().equals(info.getDescription())) {
        return m.id();
      }
    }
    return info.getScript();
  }
}
