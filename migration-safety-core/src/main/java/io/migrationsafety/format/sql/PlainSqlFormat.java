package io.migrationsafety.format.sql;

import io.migrationsafety.format.FormatMatch;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationFormat;
import io.migrationsafety.format.MigrationFormatException;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.format.MigrationVersion;
import io.migrationsafety.sql.ScriptReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A directory of SQL files, each one migration, ordered by the version or timestamp its name
 * starts with ({@code 001_create.sql}, {@code V2__add.sql}, {@code V1_1__fix.sql},
 * {@code 20240131120000_init.sql}) in numeric order: {@code V1_1} before {@code V2} before
 * {@code V10}. A file whose name has no version, or two files with the same version, are errors.
 *
 * <p>Each file runs in one transaction, unless a line of it says
 * {@code -- migration-safety:no-transaction} before its first statement.
 */
public final class PlainSqlFormat implements MigrationFormat {

  static final String NO_TRANSACTION = "-- migration-safety:no-transaction";

  @Override
  public String name() {
    return "plain-sql";
  }

  @Override
  public java.util.Optional<io.migrationsafety.format.AppliedStateReader> history() {
    return java.util.Optional.of(SafetyHistory.INSTANCE);
  }

  @Override
  public java.util.Optional<io.migrationsafety.format.HistoryWriter> historyWriter() {
    return java.util.Optional.of(SafetyHistory.INSTANCE);
  }

  @Override
  public FormatMatch detect(Path directory) {
    return ScriptFiles.files(directory, n -> n.endsWith(".sql")).isEmpty() ? FormatMatch.NONE : FormatMatch.GENERIC;
  }

  @Override
  public MigrationSet read(Path directory) {
    List<Migration> migrations = new ArrayList<>();
    Map<MigrationVersion, Path> seen = new HashMap<>();
    for (Path file : ScriptFiles.files(directory, n -> n.endsWith(".sql"))) {
      String name = file.getFileName().toString();
      MigrationVersion version = MigrationVersion.leading(name);
      if (version == null) {
        throw new MigrationFormatException(file + ": cannot place this file in order: its name does not start "
            + "with a version or timestamp (such as 001_create.sql, V2__add_index.sql, 20240131120000_init.sql)");
      }
      ScriptFiles.claimVersion(seen, version, file);
      String script = ScriptReader.read(file);
      migrations.add(new Migration(version.text(), version, ScriptFiles.description(name, version.text(), ".sql"),
          file, script, null, null, !declaresNoTransaction(script)));
    }
    migrations.sort(Comparator.comparing(Migration::version));
    return new MigrationSet(name(), directory, migrations);
  }

  /**
   * Whether the opt-out comment {@code -- migration-safety:no-transaction} stands among the
   * comments before the script's first statement.
   */
  public static boolean declaresNoTransaction(String script) {
    for (String line : script.split("\\R")) {
      String t = line.strip();
      if (t.isEmpty()) {
        continue;
      }
      if (!t.startsWith("--")) {
        return false;
      }
      if (t.equalsIgnoreCase(NO_TRANSACTION)) {
        return true;
      }
    }
    return false;
  }
}
