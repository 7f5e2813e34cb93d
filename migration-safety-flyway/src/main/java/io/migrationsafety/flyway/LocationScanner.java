package io.migrationsafety.flyway;

import io.migrationsafety.format.MigrationFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.flywaydb.core.api.Location;

/**
 * Lists the files of a Flyway location, as Flyway's scanners do: a {@code filesystem:} location is a
 * directory read recursively; a {@code classpath:} location is every directory and jar of the class
 * loader that has that path. Wildcards and cloud locations are refused with a clear error rather
 * than read differently from Flyway.
 */
final class LocationScanner {

  /**
   * The files of one location.
   *
   * @param root where the location is on disk, when it is (for naming files relative to it)
   * @param resources its files
   */
  record Scanned(Path root, List<ScriptResource> resources) {}

  private LocationScanner() {}

  /**
   * The files of {@code location}; a relative filesystem path is taken from {@code baseDirectory}.
   *
   * @throws MigrationFormatException when the location cannot be read or is of a kind not supported
   */
  static List<Scanned> scan(Location location, ClassLoader loader, Path baseDirectory) {
    if (location.getPathRegex() != null) {
      throw new MigrationFormatException("the Flyway location " + location.getDescriptor()
          + " has wildcards, which this review does not expand; list its directories instead");
    }
    if (location.isFileSystem()) {
      Path root = baseDirectory.resolve(location.getRootPath()).normalize();
      if (!Files.isDirectory(root)) {
        throw new MigrationFormatException(root + ": the Flyway location " + location.getDescriptor()
            + " is not a directory");
      }
      return List.of(new Scanned(root, directory(root)));
    }
    if (location.isClassPath()) {
      return classpath(location.getRootPath(), loader);
    }
    throw new MigrationFormatException("the Flyway location " + location.getDescriptor()
        + " is neither filesystem: nor classpath:, which this review reads");
  }

  private static List<Scanned> classpath(String rootPath, ClassLoader loader) {
    String root = rootPath.endsWith("/") ? rootPath.substring(0, rootPath.length() - 1) : rootPath;
    List<Scanned> found = new ArrayList<>();
    try {
      Enumeration<URL> urls = loader.getResources(root);
      while (urls.hasMoreElements()) {
        URL url = urls.nextElement();
        if (url.getProtocol().equals("file")) {
          Path dir = Path.of(url.toURI());
          found.add(new Scanned(dir, directory(dir)));
        } else if (url.getProtocol().equals("jar")) {
          found.add(new Scanned(null, jar(url, root)));
        } else {
          throw new MigrationFormatException("cannot list " + url + " (classpath:" + root + ")");
        }
      }
    } catch (IOException | URISyntaxException e) {
      throw new MigrationFormatException("cannot read the Flyway location classpath:" + root + ": " + e.getMessage(), e);
    }
    return found;
  }

  private static List<ScriptResource> directory(Path root) {
    List<ScriptResource> resources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        resources.add(new ScriptResource(file.getFileName().toString(), relative, file, Files.readAllBytes(file)));
      }
    } catch (IOException e) {
      throw new MigrationFormatException("cannot read " + root + ": " + e.getMessage(), e);
    }
    return resources;
  }

  private static List<ScriptResource> jar(URL url, String root) throws IOException {
    JarURLConnection connection = (JarURLConnection) url.openConnection();
    connection.setUseCaches(false);
    List<ScriptResource> resources = new ArrayList<>();
    try (JarFile jar = connection.getJarFile()) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (entry.isDirectory() || !entry.getName().startsWith(root + "/")) {
          continue;
        }
        String relative = entry.getName().substring(root.length() + 1);
        try (InputStream in = jar.getInputStream(entry)) {
          resources.add(new ScriptResource(relative.substring(relative.lastIndexOf('/') + 1), relative,
              Path.of(entry.getName()), in.readAllBytes()));
        }
      }
    }
    resources.sort(java.util.Comparator.comparing(ScriptResource::relativePath));
    return resources;
  }
}
