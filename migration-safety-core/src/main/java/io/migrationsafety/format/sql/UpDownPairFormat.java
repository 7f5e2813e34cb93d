package io.migrationsafety.format.sql;

import io.migrationsafety.format.FormatMatch;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationFormat;
import io.migrationsafety.format.MigrationFormatException;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.format.MigrationVersion;
import io.migrationsafety.sql.ScriptReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * golang-migrate's layout: {@code <version>_<title>.up.sql} with an optional
 * {@code <version>_<title>.down.sql} beside it, ordered by the numeric version (a sequence number
 * or a timestamp). golang-migrate runs each file as one multi-statement query, which PostgreSQL
 * runs in one implicit transaction.
 */
public final class UpDownPairFormat implements MigrationFormat {

  private static final String UP = ".up.sql";
  private static final String DOWN = ".down.sql";

  @Override
  public String name() {
    return "up-down-sql";
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
    return ScriptFiles.files(directory, n -> n.endsWith(UP)).isEmpty() ? FormatMatch.NONE : FormatMatch.SPECIFIC;
  }

  @Override
  public MigrationSet read(Path directory) {
    List<Migration> migrations = new ArrayList<>();
    Map<MigrationVersion, Path> seen = new HashMap<>();
    for (Path down : ScriptFiles.files(directory, n -> n.endsWith(DOWN))) {
      String stem = down.getFileName().toString();
      Path up = down.resolveSibling(stem.substring(0, stem.length() - DOWN.length()) + UP);
      if (!Files.isRegularFile(up)) {
        throw new MigrationFormatException(down + ": a down migration without its up migration " + up.getFileName());
      }
    }
    for (Path up : ScriptFiles.files(directory, n -> n.endsWith(UP))) {
      String name = up.getFileName().toString();
      MigrationVersion version = MigrationVersion.leading(name);
      if (version == null || !Character.isDigit(name.charAt(0))) {
        throw new MigrationFormatException(up + ": the name must start with a version number or timestamp, "
            + "as in 000001_create_users.up.sql");
      }
      ScriptFiles.claimVersion(seen, version, up);
      Path down = up.resolveSibling(name.substring(0, name.length() - UP.length()) + DOWN);
      boolean hasDown = Files.isRegularFile(down);
      migrations.add(new Migration(version.text(), version, ScriptFiles.description(name, version.text(), UP), up,
          ScriptReader.read(up), hasDown ? down : null, hasDown ? ScriptReader.read(down) : null, true));
    }
    migrations.sort(Comparator.comparing(Migration::version));
    return new MigrationSet(name(), directory, migrations);
  }
}
