package io.migrationsafety.flyway;

import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationFormatException;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.sql.ScriptReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Reads the migrations of Flyway locations as Flyway resolves them: SQL scripts by name, their
 * {@code .conf} files, placeholders, the transaction each runs in, undo scripts as rollbacks, and
 * Java migrations (kept in the order, marked unreviewable).
 */
final class FlywayScripts {

  private final Configuration configuration;

  FlywayScripts(Configuration configuration) {
    this.configuration = configuration;
  }

  /** One versioned or repeatable migration while the set is assembled. */
  private record Entry(ScriptName name, Migration migration, String unreviewable) {}

  /**
   * The migrations of {@code locations}, relative filesystem ones taken from {@code baseDirectory}.
   *
   * @param format the format's name, for the set
   */
  MigrationSet read(String format, List<Location> locations, Path baseDirectory) {
    Map<Object, Entry> versioned = new HashMap<>();
    Map<Object, Entry> repeatable = new HashMap<>();
    Map<MigrationVersion, ScriptResource> undo = new HashMap<>();
    Map<ScriptResource, ScriptConfig> undoConfig = new HashMap<>();
    Path directory = null;
    for (Location location : locations) {
      for (LocationScanner.Scanned scanned : LocationScanner.scan(location, classLoader(), baseDirectory)) {
        if (directory == null) {
          directory = scanned.root() != null ? scanned.root() : Path.of(location.getRootPath());
        }
        Map<String, ScriptResource> byPath = new LinkedHashMap<>();
        scanned.resources().forEach(r -> byPath.put(r.relativePath(), r));
        for (ScriptResource resource : scanned.resources()) {
          if (resource.name().endsWith(".class")) {
            javaMigration(location, resource).ifPresent(e -> add(e, versioned, repeatable));
            continue;
          }
          ScriptName name = ScriptName.parse(resource.name(), configuration);
          if (name == null) {
            continue;
          }
          ScriptConfig config = scriptConfig(byPath.get(resource.relativePath() + ".conf"));
          if (name.kind() == ScriptName.Kind.UNDO) {
            undo.put(name.version(), resource);
            undoConfig.put(resource, config);
          } else {
            add(new Entry(name, migration(name, resource, config), null), versioned, repeatable);
          }
        }
      }
    }
    for (JavaMigration java : configuration.getJavaMigrations()) {
      add(javaEntry(java.getVersion(), java.getDescription(), Path.of(java.getClass().getName().replace('.', '/')
          + ".class"), java.getClass().getName()), versioned, repeatable);
    }
    List<Entry> ordered = new ArrayList<>(versioned.values());
    ordered.sort(Comparator.comparing(e -> e.name().version()));
    List<Entry> repeatables = new ArrayList<>(repeatable.values());
    repeatables.sort(Comparator.comparing(e -> e.name().description()));
    ordered.addAll(repeatables);
    List<Migration> migrations = new ArrayList<>();
    Map<String, String> unreviewable = new HashMap<>();
    for (Entry entry : ordered) {
      Migration m = entry.migration();
      ScriptResource down = entry.name().version() == null ? null : undo.get(entry.name().version());
      if (down != null) {
        m = new Migration(m.id(), m.version(), m.description(), m.file(), m.upScript(), down.file(),
            text(down, undoConfig.get(down)), m.transactional());
      }
      migrations.add(m);
      if (entry.unreviewable() != null) {
        unreviewable.put(m.id(), entry.unreviewable());
      }
    }
    return new MigrationSet(format, directory != null ? directory : baseDirectory, migrations,
        io.migrationsafety.format.AppliedState.none(), unreviewable);
  }

  /** The script's text as Flyway runs it: decoded, placeholders replaced unless turned off. */
  String text(ScriptResource resource, ScriptConfig config) {
    String raw = rawText(resource, config);
    boolean replace = config.placeholderReplacement() != null ? config.placeholderReplacement()
        : configuration.isPlaceholderReplacement();
    return replace ? Placeholders.of(configuration, resource.name()).replace(raw, resource.file().toString()) : raw;
  }

  /** The script's text as written, decoded with its encoding: what Flyway sums for a versioned script. */
  String rawText(ScriptResource resource, ScriptConfig config) {
    Charset encoding = config.encoding() != null ? config.encoding() : configuration.getEncoding();
    if (encoding.equals(StandardCharsets.UTF_8)) {
      return ScriptReader.decode(resource.bytes(), resource.file().toString());
    }
    return new String(resource.bytes(), encoding);
  }

  /**
   * The checksum Flyway records for {@code migration} as its file is now: over the text as written
   * for a versioned script (re-read from its file, with its {@code .conf} encoding), over the text
   * after placeholder replacement for a repeatable one. {@code null} when unknown: a Java migration,
   * or a versioned script inside a jar.
   */
  Integer checksum(MigrationSet set, Migration migration) {
    if (set.unreviewable().containsKey(migration.id())) {
      return null;
    }
    if (migration.version() == null) {
      return FlywayChecksum.of(migration.upScript());
    }
    Path file = migration.file();
    if (!java.nio.file.Files.isRegularFile(file)) {
      return null;
    }
    try {
      Path confFile = file.resolveSibling(file.getFileName() + ".conf");
      ScriptResource conf = java.nio.file.Files.isRegularFile(confFile) ? new ScriptResource(
          confFile.getFileName().toString(), "", confFile, java.nio.file.Files.readAllBytes(confFile)) : null;
      ScriptResource resource = new ScriptResource(file.getFileName().toString(), "", file,
          java.nio.file.Files.readAllBytes(file));
      return FlywayChecksum.of(rawText(resource, scriptConfig(conf)));
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** The {@code .conf} of a script, or none. */
  static ScriptConfig scriptConfig(ScriptResource conf) {
    return conf == null ? ScriptConfig.NONE : ScriptConfig.parse(conf.bytes(), conf.file().toString());
  }

  private Migration migration(ScriptName name, ScriptResource resource, ScriptConfig config) {
    String text = text(resource, config);
    boolean transactional = TransactionMode.transactional(text, resource.file().toString(), config, configuration);
    if (name.kind() == ScriptName.Kind.REPEATABLE) {
      return new Migration(name.stem(), null, name.description(), resource.file(), text, null, null, transactional);
    }
    return new Migration(name.version().getVersion(), coreVersion(name.versionText()), name.description(),
        resource.file(), text, null, null, transactional);
  }

  /**
   * A compiled class in a classpath location that implements {@link JavaMigration}: Flyway runs it,
   * so it stays in the order, but its code cannot be reviewed. The class is loaded without being
   * initialised; nothing of it runs.
   */
  private java.util.Optional<Entry> javaMigration(Location location, ScriptResource resource) {
    if (!location.isClassPath() || resource.name().contains("$")) {
      return java.util.Optional.empty();
    }
    String path = location.getRootPath() + "/" + resource.relativePath();
    String className = path.substring(0, path.length() - ".class".length()).replace('/', '.');
    try {
      Class<?> type = Class.forName(className, false, classLoader());
      if (!JavaMigration.class.isAssignableFrom(type) || java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
        return java.util.Optional.empty();
      }
    } catch (ClassNotFoundException | LinkageError e) {
      return java.util.Optional.empty();
    }
    String simple = resource.name().substring(0, resource.name().length() - ".class".length());
    ScriptName name = ScriptName.parse(simple + configuration.getSqlMigrationSuffixes()[0], configuration);
    if (name == null || name.kind() == ScriptName.Kind.UNDO) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(javaEntry(name.version(), name.description(), resource.file(), className));
  }

  private Entry javaEntry(MigrationVersion version, String description, Path file, String className) {
    String reason = "it is a Java migration (" + className + "); its code is not SQL the review can read";
    ScriptName name = new ScriptName(version == null ? ScriptName.Kind.REPEATABLE : ScriptName.Kind.VERSIONED,
        version, version == null ? "" : version.getVersion(), description,
        file.getFileName().toString().replaceFirst("\\.class$", ""));
    String id = version == null ? name.stem() : version.getVersion();
    Migration migration = new Migration(id, version == null ? null : coreVersion(version.getVersion()), description,
        file, "", null, null, true);
    return new Entry(name, migration, reason);
  }

  /** Adds {@code entry}; versions are told apart by Flyway's equality ({@code 1.0} is {@code 1}). */
  private static void add(Entry entry, Map<Object, Entry> versioned, Map<Object, Entry> repeatable) {
    boolean isVersioned = entry.name().version() != null;
    Object key = isVersioned ? entry.name().version() : entry.name().description();
    Entry previous = (isVersioned ? versioned : repeatable).put(key, entry);
    if (previous != null) {
      throw new MigrationFormatException("Flyway refuses two migrations with the same "
          + (isVersioned ? "version (" + key + ")" : "description ('" + key + "')") + ": "
          + previous.migration().file() + " and " + entry.migration().file());
    }
  }

  private static io.migrationsafety.format.MigrationVersion coreVersion(String text) {
    return io.migrationsafety.format.MigrationVersion.parse(text);
  }

  private ClassLoader classLoader() {
    return configuration.getClassLoader() != null ? configuration.getClassLoader()
        : Thread.currentThread().getContextClassLoader();
  }
}
