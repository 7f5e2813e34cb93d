package io.migrationsafety.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The migration formats on the class path, and the choice among them for a directory: the one
 * format that marks it as its own ({@link FormatMatch#SPECIFIC}), else the one generic fit. Two
 * specific fits, or none at all, are errors that say which formats were considered.
 */
public final class MigrationFormats {

  private final List<MigrationFormat> formats;

  private MigrationFormats(List<MigrationFormat> formats) {
    Map<String, MigrationFormat> byName = new HashMap<>();
    for (MigrationFormat f : formats) {
      MigrationFormat previous = byName.put(f.name(), f);
      if (previous != null) {
        throw new IllegalStateException("two migration formats are named '" + f.name() + "': "
            + previous.getClass().getName() + " and " + f.getClass().getName());
      }
    }
    this.formats = List.copyOf(formats);
  }

  /** The formats registered with {@link ServiceLoader} on the class path of this class. */
  public static MigrationFormats installed() {
    List<MigrationFormat> found = new ArrayList<>();
    ServiceLoader.load(MigrationFormat.class, MigrationFormats.class.getClassLoader()).forEach(found::add);
    found.sort(Comparator.comparing(MigrationFormat::name));
    return new MigrationFormats(found);
  }

  /** Exactly these formats. */
  public static MigrationFormats of(List<MigrationFormat> formats) {
    return new MigrationFormats(formats);
  }

  /** All formats, by name. */
  public List<MigrationFormat> all() {
    return formats;
  }

  /** The format called {@code name}. */
  public Optional<MigrationFormat> named(String name) {
    return formats.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** Picks the format of {@code directory} and reads it. */
  public MigrationSet read(Path directory) {
    return detect(directory).read(directory);
  }

  /**
   * The format of {@code directory}.
   *
   * @throws MigrationFormatException when the directory is missing, empty, fits no format, or
   *     fits two formats equally well
   */
  public MigrationFormat detect(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new MigrationFormatException(directory + ": no such directory");
    }
    if (isEmpty(directory)) {
      throw new MigrationFormatException(directory + ": the directory is empty; there are no migrations to read");
    }
    // Each format looks at the directory once (dbmate, for one, reads the files to look).
    Map<MigrationFormat, FormatMatch> matches = new LinkedHashMap<>();
    for (MigrationFormat f : formats) {
      matches.put(f, f.detect(directory));
    }
    for (FormatMatch wanted : List.of(FormatMatch.SPECIFIC, FormatMatch.GENERIC)) {
      List<MigrationFormat> fits = matches.entrySet().stream().filter(e -> e.getValue() == wanted)
          .map(Map.Entry::getKey).collect(Collectors.toList());
      if (fits.size() == 1) {
        return fits.get(0);
      }
      if (fits.size() > 1) {
        throw new MigrationFormatException(directory + ": the layout fits several formats ("
            + names(fits) + "); name the one to use");
      }
    }
    throw new MigrationFormatException(directory + ": no migrations found; looked for the formats "
        + names(formats));
  }

  private static String names(List<MigrationFormat> formats) {
    return formats.stream().map(MigrationFormat::name).collect(Collectors.joining(", "));
  }

  private static boolean isEmpty(Path directory) {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new MigrationFormatException("cannot read " + directory + ": " + e.getMessage(), e);
    }
  }
}
