package io.migrationsafety.flyway;

import io.migrationsafety.format.DownScriptFile;
import io.migrationsafety.format.DownScriptWriter;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationFormatException;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.format.RollbackScript;
import java.nio.file.Path;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * Writes a rollback as Flyway's undo script: {@code U<version>__<description>.sql} beside
 * {@code V<version>__<description>.sql}, same version, description and suffix. Repeatable
 * migrations have no undo in Flyway, so asking for one is an error.
 */
final class UndoScriptWriter implements DownScriptWriter {

  private final Configuration configuration;

  UndoScriptWriter(Configuration configuration) {
    this.configuration = configuration;
  }

  @Override
  public DownScriptFile write(MigrationSet set, Migration migration, RollbackScript script) {
    String fileName = migration.file().getFileName().toString();
    if (migration.version() == null) {
      throw new MigrationFormatException(fileName + ": a repeatable Flyway migration has no undo script; "
          + "change it by editing the file, which Flyway then runs again");
    }
    String prefix = configuration.getSqlMigrationPrefix();
    if (!fileName.startsWith(prefix)) {
      throw new MigrationFormatException(fileName + ": not named as a versioned Flyway script (" + prefix
          + "<version>" + configuration.getSqlMigrationSeparator() + "<description>)");
    }
    if (script.outsideTransaction() && script.statements().size() > 1) {
      throw new MigrationFormatException(fileName + ": its rollback mixes a statement that cannot run in a "
          + "transaction with others, which Flyway refuses in one script; write the undo by hand, or as "
          + ScriptName.UNDO_PREFIX + fileName.substring(prefix.length())
          + " with a .conf beside it that says executeInTransaction=false");
    }
    Path undo = migration.file().resolveSibling(ScriptName.UNDO_PREFIX + fileName.substring(prefix.length()));
    return new DownScriptFile(undo, script.sql(), migration.hasDownScript());
  }
}
