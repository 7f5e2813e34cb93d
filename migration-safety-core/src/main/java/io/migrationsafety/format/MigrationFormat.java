package io.migrationsafety.format;

import java.nio.file.Path;

/**
 * A way of laying out migrations on disk: plain SQL files, up/down pairs, Flyway, Alembic,
 * Prisma… Formats read; they never run anything or connect anywhere.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} (list them in
 * {@code META-INF/services/io.migrationsafety.format.MigrationFormat}); they must have a public
 * no-argument constructor and be stateless.
 */
public interface MigrationFormat {

  /** The format's name, lower-case and dashed ({@code plain-sql}); unique among formats. */
  String name();

  /** How well {@code directory} fits this format. Must not throw on any readable directory. */
  FormatMatch detect(Path directory);

  /**
   * Reads the migrations of {@code directory}, in the order they run.
   *
   * @throws MigrationFormatException when the directory breaks the format's rules
   * @throws io.migrationsafety.sql.SqlSyntaxException when a script is not valid UTF-8
   */
  MigrationSet read(Path directory);

  /**
   * How to read, from a database, which of this format's migrations have run: the history table
   * its tool keeps. Empty for formats whose tool keeps none that this library can read.
   */
  default java.util.Optional<AppliedStateReader> history() {
    return java.util.Optional.empty();
  }

  /**
   * How to record in a database's history that a migration ran, so that the format's tool (and
   * {@link #history()}) sees it applied. Empty for formats whose history this library cannot
   * write: the staging executor refuses to run those, since it could not promise never to apply a
   * migration twice. A format that has a writer must also have a {@link #history()} reader.
   */
  default java.util.Optional<HistoryWriter> historyWriter() {
    return java.util.Optional.empty();
  }

  /**
   * How to write a synthesized rollback in this format's own layout ({@code .down.sql} beside the
   * up file, Flyway's {@code U} file, Alembic's {@code downgrade()}…). Empty for formats that have
   * no place for a rollback.
   */
  default java.util.Optional<DownScriptWriter> downScriptWriter() {
    return java.util.Optional.empty();
  }
}
