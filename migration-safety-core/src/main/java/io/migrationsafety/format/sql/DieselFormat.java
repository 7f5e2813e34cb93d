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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * diesel's layout: one directory per migration, {@code <version>_<name>/up.sql} with
 * {@code down.sql} beside it, the version being a timestamp such as {@code 2024-01-31-120000}
 * (dashes ignored for ordering). A migration runs in a transaction unless its
 * {@code metadata.toml} says {@code run_in_transaction = false}.
 */
public final class DieselFormat implements MigrationFormat {

  private static final Pattern DIRECTORY = Pattern.compile("^(\\d[\\d-]*)_(.+)$");
  private static final Pattern NO_TRANSACTION = Pattern.compile("(?m)^\\s*run_in_transaction\\s*=\\s*false\\s*$");

  @Override
  public String name() {
    return "diesel";
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
    return ScriptFiles.directories(directory).stream().anyMatch(d -> Files.isRegularFile(d.resolve("up.sql")))
        ? FormatMatch.SPECIFIC : FormatMatch.NONE;
  }

  @Override
  public MigrationSet read(Path directory) {
    List<Migration> migrations = new ArrayList<>();
    for (Path dir : ScriptFiles.directories(directory)) {
      Path up = dir.resolve("up.sql");
      if (!Files.isRegularFile(up)) {
        continue; // diesel ignores directories without up.sql too
      }
      String name = dir.getFileName().toString();
      Matcher m = DIRECTORY.matcher(name);
      if (!m.matches()) {
        throw new MigrationFormatException(dir + ": the directory name must be <version>_<name>, as in "
            + "2024-01-31-120000_create_users");
      }
      MigrationVersion version = new MigrationVersion(
          MigrationVersion.parse(m.group(1).replace("-", "")).parts(), m.group(1));
      Path down = dir.resolve("down.sql");
      boolean hasDown = Files.isRegularFile(down);
      Path metadata = dir.resolve("metadata.toml");
      boolean transactional = !(Files.isRegularFile(metadata) && NO_TRANSACTION.matcher(ScriptReader.read(metadata)).find());
      migrations.add(new Migration(m.group(1), version, m.group(2), up, ScriptReader.read(up),
          hasDown ? down : null, hasDown ? ScriptReader.read(down) : null, transactional));
    }
    if (migrations.isEmpty()) {
      throw new MigrationFormatException(directory + ": no <version>_<name>/up.sql migrations");
    }
    migrations.sort(Comparator.comparing(Migration::version));
    for (int i = 1; i < migrations.size(); i++) {
      if (migrations.get(i).version().equals(migrations.get(i - 1).version())) {
        throw new MigrationFormatException(directory + ": two migrations have the version " + migrations.get(i).id());
      }
    }
    return new MigrationSet(name(), directory, migrations);
  }
}
