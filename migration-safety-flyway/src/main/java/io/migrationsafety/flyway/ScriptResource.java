package io.migrationsafety.flyway;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file found in a Flyway location.
 *
 * @param name its file name
 * @param relativePath its path below the location's root, with {@code /}
 * @param file where it is, to name it in reports: a real file for filesystem locations and classpath
 *     directories, the classpath path for a jar entry
 * @param bytes its content
 */
record ScriptResource(String name, String relativePath, Path file, byte[] bytes) {

  ScriptResource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(bytes, "bytes");
  }
}
