package io.migrationsafety.prisma;

import io.migrationsafety.format.MigrationFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prisma's {@code migration_lock.toml}: the database provider the migrations were generated for.
 * Prisma writes two comment lines and {@code provider = "postgresql"}; this library reads only
 * PostgreSQL migrations, so any other provider, a missing one, or a line that is not TOML it knows is
 * an error naming the file and line.
 *
 * @param file the lock file
 * @param provider the provider it names ({@code postgresql})
 */
public record MigrationLock(Path file, String provider) {

  /** The file name Prisma gives it, in the migrations directory. */
  public static final String FILE_NAME = "migration_lock.toml";

  private static final Pattern PROVIDER = Pattern.compile("provider\\s*=\\s*\"([^\"]*)\"\\s*(#.*)?");

  /**
   * Reads {@code file}.
   *
   * @throws MigrationFormatException when it cannot be read, names no provider, or names one other
   *     than {@code postgresql}
   */
  public static MigrationLock read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MigrationFormatException("cannot read " + file + ": " + e.getMessage(), e);
    }
    String provider = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = PROVIDER.matcher(line);
      if (!m.matches()) {
        throw new MigrationFormatException(file + ":" + (i + 1) + ": expected provider = \"postgresql\", found: " + line);
      }
      provider = m.group(1);
      if (!provider.equals("postgresql")) {
        throw new MigrationFormatException(file + ":" + (i + 1) + ": the migrations were generated for the provider \""
            + provider + "\"; migration-safety reviews PostgreSQL migrations only (provider = \"postgresql\")");
      }
    }
    if (provider == null) {
      throw new MigrationFormatException(file + ": names no provider; Prisma writes provider = \"postgresql\" there");
    }
    return new MigrationLock(file, provider);
  }
}
