package io.migrationsafety.drift;

import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.replay.ScriptReplay;
import io.migrationsafety.sql.SqlSyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema the applied migrations of a set produce, replayed from an empty database, and whether
 * that model can be trusted: it cannot when a migration's format could not read it as SQL, a
 * statement was not understood, runs code whose schema changes replay cannot follow ({@code DO},
 * {@code CALL}), or failed to replay.
 *
 * @param schema the replayed schema
 * @param migrations how many migrations were replayed
 * @param untrusted why the model may not be what the migrations produce, one reason per statement;
 *     empty when it can be trusted
 */
record MigrationReplay(Schema schema, int migrations, List<String> untrusted) {

  /**
   * Replays the set's applied migrations when its history lists some, else all of them: a history
   * that lists none (its table not created yet) means the tool never ran here, and the database
   * was built from the files some other way.
   */
  static MigrationReplay of(MigrationSet set) {
    List<Migration> replayed = fromHistory(set)
        ? set.migrations().stream().filter(m -> set.applied().isApplied(m.id())).toList()
        : set.migrations();
    Schema schema = Schema.empty();
    List<String> untrusted = new ArrayList<>();
    for (Migration migration : replayed) {
      String file = relative(set.directory(), migration.file());
      String unreadable = set.unreviewable().get(migration.id());
      if (unreadable != null) {
        untrusted.add(file + ": its format could not read it as SQL (" + unreadable + ")");
        continue;
      }
      List<ParsedStatement> statements;
      try {
        statements = SqlParser.parse(migration.upScript(), file).statements();
      } catch (SqlSyntaxException e) {
        untrusted.add(file + ": " + e.getMessage());
        continue;
      }
      ScriptReplay replay = ScriptReplay.of(schema, statements, file);
      untrusted.addAll(replay.untrusted());
      schema = replay.after();
    }
    return new MigrationReplay(schema, replayed.size(), untrusted);
  }

  /** Whether the set's history lists applied migrations, which are then the ones replayed. */
  static boolean fromHistory(MigrationSet set) {
    return set.applied().known() && !set.applied().applied().isEmpty();
  }

  private static String relative(Path directory, Path file) {
    Path rel = file.startsWith(directory) ? directory.relativize(file) : file;
    return rel.toString().replace('\\', '/');
  }
}
