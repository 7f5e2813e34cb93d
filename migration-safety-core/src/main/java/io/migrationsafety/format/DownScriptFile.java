package io.migrationsafety.format;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A rollback laid out for a format: the file to write and its whole text.
 *
 * @param file the file to write (absolute, or relative to the working directory as the set's
 *     directory is)
 * @param text the file's whole text after writing: for a format that keeps the rollback inside the
 *     migration's own file (dbmate, Alembic), that file with its rollback part replaced
 * @param replacesRollback whether the migration already has a rollback there that this text replaces
 *     (a caller must not write it then unless the user forces it)
 */
public record DownScriptFile(Path file, String text, boolean replacesRollback) {

  public DownScriptFile {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(text, "text");
  }
}
