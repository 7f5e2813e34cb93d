package io.migrationsafety.lock;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Starts PostgreSQL of a chosen major version: 16 from the test classpath, the others from the
 * zonky binary jars the build copies to {@code target/postgres-binaries}.
 */
final class PostgresServers {

  static final int CLASSPATH_VERSION = 16;
  private static final Path BINARIES = Path.of("target", "postgres-binaries");

  private PostgresServers() {}

  static EmbeddedPostgres start(int major) throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    if (major != CLASSPATH_VERSION) {
      Path jar = jarFor(major);
      builder.setPgBinaryResolver((system, hardware) -> {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
          ZipEntry entry = zip.getEntry("postgres-" + system.toLowerCase(java.util.Locale.ROOT) + "-" + hardware + ".txz");
          if (entry == null) {
            throw new IOException("no " + system + "/" + hardware + " binaries in " + jar);
          }
          return new ByteArrayInputStream(zip.getInputStream(entry).readAllBytes());
        }
      });
    }
    return builder.start();
  }

  private static Path jarFor(int major) throws IOException {
    try (var files = Files.list(BINARIES)) {
      return files.filter(f -> f.getFileName().toString().matches(".*-" + major + "\\.\\d+\\.\\d+\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IOException("no PostgreSQL " + major + " binaries in " + BINARIES.toAbsolutePath()));
    }
  }
}
