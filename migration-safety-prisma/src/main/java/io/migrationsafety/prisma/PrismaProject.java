package io.migrationsafety.prisma;

import io.migrationsafety.format.MigrationFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a Prisma project keeps its migrations, found from the directory a user names: the
 * migrations directory itself (Prisma's default {@code prisma/migrations}, or any path set as
 * {@code migrations.path} in {@code prisma.config.ts}), the {@code prisma} directory above it, or the
 * project root.
 *
 * @param migrations the migrations directory: one {@code <name>/migration.sql} per migration
 * @param lock its {@code migration_lock.toml}, or empty when the project has none (projects from
 *     before Prisma 2.16 may lack it)
 * @param schema the {@code schema.prisma} beside the migrations directory, when there is one
 */
public record PrismaProject(Path migrations, Optional<MigrationLock> lock, Optional<Path> schema) {

  /** The file of each migration's script, in its directory. */
  public static final String SCRIPT = "migration.sql";

  private static final Pattern CONFIG_MIGRATIONS_PATH = Pattern.compile(
      "migrations\\s*:\\s*\\{[^}]*?\\bpath\\s*:\\s*([\"'`])([^\"'`]+)\\1", Pattern.DOTALL);

  /**
   * The project {@code directory} holds or is, or empty when it shows no sign of Prisma Migrate.
   * Does not read the lock file; {@link #read(Path)} does.
   */
  public static Optional<Path> findMigrations(Path directory) {
    if (isMigrationsDirectory(directory)) {
      return Optional.of(directory);
    }
    Optional<Path> configured = configuredPath(directory);
    if (configured.isPresent()) {
      return configured.filter(PrismaProject::isMigrationsDirectory);
    }
    for (Path candidate : new Path[] {directory.resolve("migrations"), directory.resolve("prisma").resolve("migrations")}) {
      if (isMigrationsDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Reads the project {@code directory} holds or is.
   *
   * @throws MigrationFormatException when it holds no Prisma migrations, or its lock file is not
   *     for PostgreSQL
   */
  public static PrismaProject read(Path directory) {
    Path migrations = findMigrations(directory).orElseThrow(() -> new MigrationFormatException(directory
        + ": no Prisma migrations; expected migration_lock.toml or <timestamp>_<name>/migration.sql directories here, "
        + "in prisma/migrations, or at the migrations.path of prisma.config.ts"));
    Path lockFile = migrations.resolve(MigrationLock.FILE_NAME);
    Optional<MigrationLock> lock = Files.exists(lockFile) ? Optional.of(MigrationLock.read(lockFile)) : Optional.empty();
    Path parent = migrations.toAbsolutePath().getParent();
    Optional<Path> schema = Optional.ofNullable(parent).map(p -> p.resolve("schema.prisma")).filter(Files::isRegularFile);
    return new PrismaProject(migrations, lock, schema);
  }

  /** A lock file, or a sub-directory holding a migration script: Prisma's layout and nobody else's. */
  static boolean isMigrationsDirectory(Path directory) {
    if (!Files.isDirectory(directory)) {
      return false;
    }
    if (Files.isRegularFile(directory.resolve(MigrationLock.FILE_NAME))) {
      return true;
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.anyMatch(p -> Files.isRegularFile(p.resolve(SCRIPT)));
    } catch (IOException e) {
      return false;
    }
  }

  /** The {@code migrations.path} of a {@code prisma.config.ts} in {@code directory}, resolved against it. */
  private static Optional<Path> configuredPath(Path directory) {
    Path config = directory.resolve("prisma.config.ts");
    if (!Files.isRegularFile(config)) {
      return Optional.empty();
    }
    try {
      Matcher m = CONFIG_MIGRATIONS_PATH.matcher(Files.readString(config, StandardCharsets.UTF_8));
      return m.find() ? Optional.of(directory.resolve(m.group(2)).normalize()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
