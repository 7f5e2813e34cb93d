package io.migrationsafety.format;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads which migrations of a set have already run, from the history a migration tool keeps in
 * the database ({@code flyway_schema_history}, {@code alembic_version}, {@code _prisma_migrations}).
 * A review given a database then covers only the pending migrations, replayed on top of the
 * introspected schema.
 *
 * <p>A format offers its reader through {@link MigrationFormat#history()}. Readers are stateless
 * and only read: the connection they are given is inside a {@code READ ONLY} transaction, on a role
 * checked by {@link io.migrationsafety.database.ReadOnlyGuard} unless the user allowed a writable one.
 */
public interface AppliedStateReader {

  /**
   * Reads the history of {@code set} on the database behind {@code connection}. A database
   * without the history table has applied nothing: the result then has a {@code source} that
   * says so and no applied ids.
   *
   * @throws SQLException when the history cannot be read
   */
  AppliedState read(Connection connection, MigrationSet set) throws SQLException;
}
