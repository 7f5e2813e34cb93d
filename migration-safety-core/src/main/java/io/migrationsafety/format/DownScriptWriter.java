package io.migrationsafety.format;

/**
 * Lays out a rollback the way a format's tool expects it, so that the tool (or a person following
 * its documented procedure) can run it: {@code 000002_x.down.sql} beside {@code 000002_x.up.sql},
 * Flyway's {@code U2__x.sql}, Prisma's {@code down.sql}, the body of Alembic's {@code downgrade()}.
 * A format offers its writer through {@link MigrationFormat#downScriptWriter()}.
 *
 * <p>Writers only compute the file and its text; the caller decides whether to write it (and never
 * replaces an existing rollback unless told to).
 */
public interface DownScriptWriter {

  /**
   * The file that makes {@code script} the rollback of {@code migration}, and its whole new text.
   *
   * @throws MigrationFormatException when the format has no place for this migration's rollback
   *     (a repeatable Flyway migration, say)
   */
  DownScriptFile write(MigrationSet set, Migration migration, RollbackScript script);
}
