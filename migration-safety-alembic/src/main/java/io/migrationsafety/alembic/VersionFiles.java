package io.migrationsafety.alembic;

import io.migrationsafety.format.MigrationFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where an Alembic project keeps its revision files, and which files those are. */
final class VersionFiles {

  private VersionFiles() {}

  /**
   * The versions directory for {@code directory}: its {@code versions/} (an Alembic script
   * directory), {@code alembic/versions/} or {@code migrations/versions/} (a project root), or the
   * directory itself otherwise (reading it then says what is missing).
   */
  static Path locate(Path directory) {
    for (String candidate : List.of("versions", "alembic/versions", "migrations/versions")) {
      Path p = directory.resolve(candidate);
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    return directory;
  }

  /**
   * The revision files under {@code versions}, in the order Alembic loads them here: each
   * directory's {@code .py} files by name, then its sub-directories by name (Alembic skips
   * {@code __init__.py} and editor lock files). Sub-directories are read only below a directory
   * named {@code versions}: any other directory given to a review (a project root, a folder of SQL
   * files) is looked at one level deep, so that detecting formats never walks a whole tree.
   */
  static List<Path> list(Path versions) {
    List<Path> out = new ArrayList<>();
    Path name = versions.toAbsolutePath().normalize().getFileName();
    collect(versions, out, name != null && name.toString().equals("versions"));
    return out;
  }

  private static void collect(Path dir, List<Path> out, boolean recursive) {
    List<Path> entries;
    try (Stream<Path> s = Files.list(dir)) {
      entries = s.sorted().toList();
    } catch (IOException e) {
      throw new MigrationFormatException("cannot read " + dir + ": " + e.getMessage(), e);
    }
    for (Path p : entries) {
      String name = p.getFileName().toString();
      if (!Files.isDirectory(p) && name.endsWith(".py") && !name.equals("__init__.py") && !name.startsWith(".#")) {
        out.add(p);
      }
    }
    if (!recursive) {
      return;
    }
    for (Path p : entries) {
      String name = p.getFileName().toString();
      if (Files.isDirectory(p) && !name.startsWith(".") && !name.equals("__pycache__")) {
        collect(p, out, true);
      }
    }
  }
}
