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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dbmate's layout: one file per migration, {@code <timestamp>_<name>.sql}, holding a
 * {@code -- migrate:up} section and an optional {@code -- migrate:down} section. A section runs in
 * a transaction unless its marker says {@code transaction:false}.
 *
 * <p>Both scripts keep the file's line numbers: the down script is the down section preceded by
 * as many empty lines as come before it in the file, so that findings point at the real line.
 */
public final class DbmateFormat implements MigrationFormat {

  private static final Pattern MARKER = Pattern.compile("(?m)^--\\s*migrate:(up|down)\\b([^\\r\\n]*)$");

  @Override
  public String name() {
    return "dbmate";
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
    for (Path file : ScriptFiles.files(directory, n -> n.endsWith(".sql"))) {
      if (MARKER.matcher(ScriptReader.read(file)).find()) {
        return FormatMatch.SPECIFIC;
      }
    }
    return FormatMatch.NONE;
  }

  @Override
  public MigrationSet read(Path directory) {
    List<Migration> migrations = new ArrayList<>();
    Map<MigrationVersion, Path> seen = new HashMap<>();
    for (Path file : ScriptFiles.files(directory, n -> n.endsWith(".sql"))) {
      String name = file.getFileName().toString();
      MigrationVersion version = MigrationVersion.leading(name);
      if (version == null || !Character.isDigit(name.charAt(0))) {
        throw new MigrationFormatException(file + ": the name must start with a timestamp, as in "
            + "20240131120000_create_users.sql");
      }
      ScriptFiles.claimVersion(seen, version, file);
      migrations.add(migration(file, name, version, ScriptReader.read(file)));
    }
    migrations.sort(Comparator.comparing(Migration::version));
    return new MigrationSet(name(), directory, migrations);
  }

  private static Migration migration(Path file, String name, MigrationVersion version, String text) {
    Matcher m = MARKER.matcher(text);
    int upStart = -1;
    int downStart = -1;
    boolean upTransaction = true;
    while (m.find()) {
      if (m.group(1).equals("up")) {
        if (upStart >= 0) {
          throw new MigrationFormatException(file + ": two '-- migrate:up' sections");
        }
        upStart = m.start();
        upTransaction = !m.group(2).contains("transaction:false");
      } else {
        if (downStart >= 0) {
          throw new MigrationFormatException(file + ": two '-- migrate:down' sections");
        }
        downStart = m.start();
      }
    }
    if (upStart < 0) {
      throw new MigrationFormatException(file + ": no '-- migrate:up' section");
    }
    if (downStart >= 0 && downStart < upStart) {
      throw new MigrationFormatException(file + ": the '-- migrate:down' section comes before '-- migrate:up'");
    }
    String up = downStart < 0 ? text : text.substring(0, downStart);
    String down = null;
    if (downStart >= 0) {
      long linesBefore = text.substring(0, downStart).chars().filter(c -> c == '\n').count();
      down = "\n".repeat((int) linesBefore) + text.substring(downStart);
    }
    return new Migration(version.text(), version, ScriptFiles.description(name, version.text(), ".sql"), file, up,
        down == null ? null : file, down, upTransaction);
  }
}
