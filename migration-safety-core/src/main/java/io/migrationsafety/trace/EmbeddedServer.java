package io.migrationsafety.trace;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * An ephemeral PostgreSQL of a chosen major version, for a trace or anything else that needs a
 * throw-away server (binaries from the local Maven repository, else fetched from Maven Central). Its data directory is a copy of a template initialized
 * once per server version (initdb is most of a start-up), kept in the temporary directory; the
 * copy is stopped and deleted on {@link #close}, and by a shutdown hook on Ctrl-C or any other exit.
 */
public final class EmbeddedServer implements AutoCloseable {

  private static final Path CACHE = Path.of(System.getProperty("java.io.tmpdir"), "migration-safety-postgres");

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;
  private final Thread hook;

  private EmbeddedServer(EmbeddedPostgres postgres, Path dataDirectory) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
    this.hook = new Thread(this::stopAndDelete, "migration-safety embedded PostgreSQL cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Starts PostgreSQL {@code major} on a fresh copy of its template data directory.
   *
   * @throws IOException when the binaries cannot be found or fetched, or the server does not start
   */
  public static EmbeddedServer start(int major) throws IOException {
    Path template = template(major);
    Path data = CACHE.resolve("run-" + UUID.randomUUID());
    copy(template, data);
    try {
      return new EmbeddedServer(builder(major, data).start(), data);
    } catch (IOException | RuntimeException e) {
      delete(data);
      throw e;
    }
  }

  /** Connections to its {@code postgres} database, as the superuser. */
  public DataSource dataSource() {
    return postgres.getPostgresDatabase();
  }

  @Override
  public void close() {
    stopAndDelete();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down already: the hook runs (or ran) the same cleanup.
    }
  }

  private synchronized void stopAndDelete() {
    try {
      postgres.close();
    } catch (IOException e) {
      // Stopping is best effort; the directory goes either way.
    }
    delete(dataDirectory);
  }

  /** The initialized, stopped data directory of {@code major}, made once (atomically) per machine. */
  private static Path template(int major) throws IOException {
    Path template = CACHE.resolve("template-" + major + "-" + PostgresBinaries.version(major));
    if (Files.isRegularFile(template.resolve("postgresql.conf"))) {
      return template;
    }
    Path fresh = CACHE.resolve("init-" + UUID.randomUUID());
    try (EmbeddedPostgres init = builder(major, fresh).start()) {
      // initdb ran; closing stops the server and keeps the directory (no cleaning asked for).
      init.getPort();
    }
    Files.deleteIfExists(fresh.resolve("epg-lock"));
    Files.deleteIfExists(fresh.resolve("postmaster.pid"));
    try {
      Files.move(fresh, template, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
      delete(fresh); // another trace made it first
    }
    return template;
  }

  private static EmbeddedPostgres.Builder builder(int major, Path data) {
    return EmbeddedPostgres.builder()
        .setPgBinaryResolver(PostgresBinaries.resolver(major))
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setRegisterShutdownHook(false)
        // A loaded machine (CI on two cores) can take longer than zonky's 10 s default.
        .setPGStartupWait(java.time.Duration.ofSeconds(60));
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        // With its attributes: PostgreSQL refuses a data directory others may read.
        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  private static void delete(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the trace server's data directory " + directory, e);
    }
  }
}
