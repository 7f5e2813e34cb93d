package io.migrationsafety.corpus;

import io.migrationsafety.sql.ScriptReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Real PostgreSQL migration corpora that nobody here wrote, shipped inside the test-scoped jars of
 * {@code migration-safety-core/pom.xml}, and found on the test classpath by path pattern.
 *
 * <p>Scripts are found by scanning every jar and directory of the test classpath, never from a
 * list of file names: a new version of an artifact that adds scripts is measured at once. The
 * other direction, a version that drops or moves them, must not shrink the corpus silently, so
 * each corpus declares how many scripts it has today ({@link #minimumScripts()}) and the tests
 * fail below it.
 */
enum Corpus {

  /** Camunda 7 engine: create and drop scripts of seven engine parts and a long upgrade chain. */
  CAMUNDA("camunda-engine", 80,
      "org/camunda/bpm/engine/db/(create|drop|upgrade)/[^/]*postgres[^/]*\\.sql"),

  /** Flowable: the process engine, the common tables and the IDM engine, each with upgrades. */
  FLOWABLE("flowable", 123,
      "org/flowable/([^/]+/)*db/(create|drop|upgrade)/flowable\\.postgres\\.[^/]*\\.sql"),

  /** Quartz scheduler's job store tables. */
  QUARTZ("quartz", 1,
      "org/quartz/impl/jdbcjobstore/tables_postgres\\.sql"),

  /**
   * JobRunr's migrations as it runs them on PostgreSQL: the common ones, where a file of the same
   * name under {@code postgres/} replaces the common one (as JobRunr's
   * {@code DatabaseMigrationsProvider} does).
   */
  JOBRUNR("jobrunr", 17,
      "org/jobrunr/storage/sql/(common|postgres)/migrations/v[0-9]+__[^/]*\\.sql") {
    @Override
    List<CorpusScript> select(List<CorpusScript> found) {
      Map<String, CorpusScript> byName = new LinkedHashMap<>();
      for (CorpusScript script : found) {
        CorpusScript previous = byName.get(script.fileName());
        if (previous == null || script.path().contains("/postgres/")) {
          byName.put(script.fileName(), script);
        }
      }
      return new ArrayList<>(byName.values());
    }
  },

  /** Spring Batch's job repository: schema, drop script and its version migrations. */
  SPRING_BATCH("spring-batch", 5,
      "org/springframework/batch/core/(schema|schema-drop|migration/[^/]+/migration)-postgresql\\.sql"),

  /** Netflix Conductor's PostgreSQL persistence: a Flyway migration chain. */
  CONDUCTOR("conductor", 8,
      "db/migration_postgres/V[0-9]+__[^/]*\\.sql");

  private static final Comparator<String> NATURAL = io.migrationsafety.format.NaturalOrder.INSTANCE;

  private final String label;
  private final int minimumScripts;
  private final Pattern path;

  Corpus(String label, int minimumScripts, String pathRegex) {
    this.label = label;
    this.minimumScripts = minimumScripts;
    this.path = Pattern.compile(pathRegex);
  }

  /** A short name for reports. */
  String label() {
    return label;
  }

  /** How many scripts this corpus has in the pinned artifact versions: fewer is a failure. */
  int minimumScripts() {
    return minimumScripts;
  }

  /** The scripts of this corpus, ordered by path with numbers compared as numbers. */
  List<CorpusScript> scripts() {
    return Scan.RESULT.get(this);
  }

  /** Keeps the scripts the tool itself would run on PostgreSQL; all of them unless overridden. */
  List<CorpusScript> select(List<CorpusScript> found) {
    return found;
  }

  /** One scan of the classpath for all corpora, done once on first use. */
  private static final class Scan {
    static final Map<Corpus, List<CorpusScript>> RESULT = scan();

    private static Map<Corpus, List<CorpusScript>> scan() {
      Map<Corpus, List<CorpusScript>> found = new EnumMap<>(Corpus.class);
      for (Corpus corpus : values()) {
        found.put(corpus, new ArrayList<>());
      }
      for (Path entry : classpath()) {
        if (Files.isDirectory(entry)) {
          scanDirectory(entry, found);
        } else if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
          scanJar(entry, found);
        }
      }
      Map<Corpus, List<CorpusScript>> result = new EnumMap<>(Corpus.class);
      found.forEach((corpus, scripts) -> {
        List<CorpusScript> selected = new ArrayList<>(corpus.select(scripts));
        selected.sort(Comparator.comparing(CorpusScript::path, NATURAL));
        result.put(corpus, List.copyOf(selected));
      });
      return result;
    }

    /**
     * The test classpath. Surefire sets {@code java.class.path} to it in the forked JVM even when
     * it starts that JVM through a manifest-only jar; it also keeps a copy in
     * {@code surefire.test.class.path}, which wins when present.
     */
    private static List<Path> classpath() {
      String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      List<Path> entries = new ArrayList<>();
      for (String part : cp.split(Pattern.quote(File.pathSeparator))) {
        if (!part.isBlank()) {
          entries.add(Path.of(part));
        }
      }
      return entries;
    }

    private static void scanJar(Path jar, Map<Corpus, List<CorpusScript>> found) {
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        for (ZipEntry entry : Collections.list(zip.entries())) {
          if (entry.isDirectory()) {
            continue;
          }
          Corpus corpus = match(entry.getName());
          if (corpus != null) {
            try (InputStream in = zip.getInputStream(entry)) {
              found.get(corpus).add(script(corpus, entry.getName(), jar.getFileName().toString(),
                  in.readAllBytes()));
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + jar, e);
      }
    }

    private static void scanDirectory(Path root, Map<Corpus, List<CorpusScript>> found) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          String name = root.relativize(file).toString().replace(File.separatorChar, '/');
          Corpus corpus = match(name);
          if (corpus != null) {
            found.get(corpus).add(script(corpus, name, root.getFileName().toString(),
                Files.readAllBytes(file)));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + root, e);
      }
    }

    private static Corpus match(String name) {
      for (Corpus corpus : values()) {
        if (corpus.path.matcher(name).matches()) {
          return corpus;
        }
      }
      return null;
    }

    private static CorpusScript script(Corpus corpus, String path, String origin, byte[] bytes) {
      return new CorpusScript(corpus, path, origin, bytes);
    }
  }

  /**
   * One script of a corpus.
   *
   * @param corpus the corpus it belongs to
   * @param path its path inside its jar or directory
   * @param origin the jar (or directory) it was read from
   * @param bytes its content, as stored
   */
  record CorpusScript(Corpus corpus, String path, String origin, byte[] bytes) {

    CorpusScript {
      Objects.requireNonNull(corpus, "corpus");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(origin, "origin");
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    /**
     * Its text, decoded as the library reads any script file (strict UTF-8, a byte-order mark
     * dropped). Decoded on each call, so that a file that is not UTF-8 fails the test that reads it, not the scan of the
     * classpath.
     *
     * @throws io.migrationsafety.sql.SqlSyntaxException when the file is not valid UTF-8
     */
    String text() {
      return ScriptReader.decode(bytes, name());
    }

    /** The file name, without its directories. */
    String fileName() {
      return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Names the script in messages: {@code jar!/path}. */
    String name() {
      return origin + "!/" + path;
    }
  }
}
