package io.migrationsafety.prisma;

import io.migrationsafety.format.AppliedStateReader;
import io.migrationsafety.format.DownScriptWriter;
import io.migrationsafety.format.FormatMatch;
import io.migrationsafety.format.HistoryWriter;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationFormat;
import io.migrationsafety.format.MigrationFormatException;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.format.MigrationVersion;
import io.migrationsafety.sql.ScriptReader;
import io.migrationsafety.sql.SqlSplitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Prisma Migrate's layout: a migrations directory ({@code prisma/migrations} unless
 * {@code prisma.config.ts} moves it) holding {@code migration_lock.toml} and one directory per
 * migration, {@code <timestamp>_<name>/migration.sql}, applied in the order of the directory names
 * as Prisma sorts them (by character, not by number). The directory name is the migration's id, as
 * in {@code _prisma_migrations.migration_name}.
 *
 * <p>Prisma sends a whole {@code migration.sql} to PostgreSQL as one script, which PostgreSQL runs
 * as one implicit transaction when it holds more than one statement: such a migration is
 * transactional, and {@code CREATE INDEX CONCURRENTLY} only works in a migration of its own.
 */
public final class PrismaFormat implements MigrationFormat {

  /** The format's name. */
  public static final String NAME = "prisma";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public FormatMatch detect(Path directory) {
    return PrismaProject.findMigrations(directory).isPresent() ? FormatMatch.SPECIFIC : FormatMatch.NONE;
  }

  @Override
  public MigrationSet read(Path directory) {
    PrismaProject project = PrismaProject.read(directory);
    List<Migration> migrations = new ArrayList<>();
    for (Path dir : migrationDirectories(project.migrations())) {
      Path script = dir.resolve(PrismaProject.SCRIPT);
      if (!Files.isRegularFile(script)) {
        throw new MigrationFormatException(dir + ": a migration directory without " + PrismaProject.SCRIPT
            + "; Prisma refuses to deploy until it has one or is removed");
      }
      migrations.add(migration(dir, script));
    }
    if (migrations.isEmpty()) {
      throw new MigrationFormatException(project.migrations() + ": no <timestamp>_<name>/migration.sql migrations");
    }
    return new MigrationSet(NAME, project.migrations(), migrations);
  }

  @Override
  public Optional<AppliedStateReader> history() {
    return Optional.of(new PrismaHistory());
  }

  @Override
  public Optional<HistoryWriter> historyWriter() {
    return Optional.of(new PrismaHistoryWriter());
  }

  @Override
  public Optional<DownScriptWriter> downScriptWriter() {
    return Optional.of(new PrismaDownScriptWriter());
  }

  private static Migration migration(Path dir, Path script) {
    String name = dir.getFileName().toString();
    String text = ScriptReader.read(script);
    MigrationVersion version = Character.isDigit(name.charAt(0)) ? MigrationVersion.leading(name) : null;
    String description = version == null ? name : name.substring(version.text().length()).replaceFirst("^_+", "");
    Path down = dir.resolve(PrismaDownScriptWriter.FILE_NAME);
    boolean hasDown = Files.isRegularFile(down);
    boolean transactional = SqlSplitter.split(text, script.toString()).statements().size() > 1;
    return new Migration(name, version, description, script, text, hasDown ? down : null,
        hasDown ? ScriptReader.read(down) : null, transactional);
  }

  /** The sub-directories, in Prisma's order: by name, character by character. */
  private static List<Path> migrationDirectories(Path migrations) {
    try (Stream<Path> entries = Files.list(migrations)) {
      return entries.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted(Comparator.comparing(p -> p.getFileName().toString())).collect(Collectors.toList());
    } catch (IOException e) {
      throw new MigrationFormatException("cannot read " + migrations + ": " + e.getMessage(), e);
    }
  }
}
