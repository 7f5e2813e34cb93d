package io.migrationsafety.prisma;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The Prisma projects the tests read: the ones written here from Prisma's documented output
 * ({@code src/test/resources/projects}), and real ones nobody here wrote, fetched from the npm
 * registry at test time into {@code target/} (never kept in the repository). Without npm or the
 * network the real ones are skipped, with a message that says why.
 */
final class PrismaProjects {

  /** umami 2.10.0 ships its PostgreSQL migrations, with their lock file, in its npm package. */
  static final String UMAMI = "umami@2.10.0";

  private PrismaProjects() {}

  /** A project of {@code src/test/resources/projects}. */
  static Path resource(String name) {
    try {
      return Path.of(PrismaProjects.class.getResource("/projects/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The migrations directory of umami's npm package, fetched once per build. */
  static Path umamiMigrations() {
    return unpacked(UMAMI).resolve("package/db/postgresql/migrations");
  }

  /** {@code spec} packed with {@code npm pack} and unpacked under {@code target/prisma-corpora}. */
  static synchronized Path unpacked(String spec) {
    Path root = Path.of(System.getProperty("prisma.corpus.dir", "target/prisma-corpora"));
    Path dir = root.resolve(spec.replace('@', '-').replace('/', '-'));
    if (Files.isDirectory(dir.resolve("package"))) {
      return dir;
    }
    try {
      Files.createDirectories(dir);
      run(dir, List.of("npm", "pack", spec, "--silent"));
      Path tarball;
      try (Stream<Path> files = Files.list(dir)) {
        tarball = files.filter(p -> p.toString().endsWith(".tgz")).findFirst()
            .orElseThrow(() -> new IOException("npm pack " + spec + " wrote no tarball"));
      }
      run(dir, List.of("tar", "xzf", tarball.getFileName().toString()));
      return dir;
    } catch (IOException e) {
      Assumptions.abort("the real Prisma project " + spec + " could not be fetched with npm (" + e.getMessage()
          + "); install npm and allow access to the npm registry to run this test");
      throw new IllegalStateException(e);
    }
  }

  private static void run(Path dir, List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("npm-pack.log").toFile()).start();
    try {
      if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + " failed: " + Files.readString(dir.resolve("npm-pack.log")).strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
