package io.migrationsafety.flyway;

import io.migrationsafety.format.AppliedStateReader;
import io.migrationsafety.format.DownScriptWriter;
import io.migrationsafety.format.FormatMatch;
import io.migrationsafety.format.MigrationFormat;
import io.migrationsafety.format.MigrationSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Flyway's layout, read as Flyway reads it: versioned {@code V<version>__<description>.sql},
 * repeatable {@code R__<description>.sql} and undo {@code U<version>__<description>.sql} scripts
 * (prefixes, separator and suffixes as configured), ordered by Flyway's version order (repeatables
 * after the versioned ones), with placeholders replaced, each script's {@code .conf}, the
 * transaction Flyway runs each script in, and Java migrations kept in the order but marked
 * unreviewable. The applied state comes from {@code flyway_schema_history}; rollbacks are written
 * as {@code U} scripts.
 *
 * <p>Made by the {@link java.util.ServiceLoader} (no configuration), it reads a directory with the
 * {@code flyway.conf} or {@code flyway.toml} it holds, else with Flyway's defaults. Made with a
 * Flyway {@link Configuration}, everything — naming, placeholders, encoding, locations — comes from
 * that configuration, and {@link #read()} reads its locations (classpath included).
 */
public final class FlywayFormat implements MigrationFormat {

  /** The format's name. */
  public static final String NAME = "flyway";

  /** A Flyway script name with the default prefixes: {@code V1__x.sql}, {@code V1_1__x.sql}, {@code R__x.sql}, {@code U2__x.sql}. */
  private static final Pattern DEFAULT_NAME = Pattern.compile("^([VU]\\d+([._]\\d+)*|R)__.*\\.sql$");

  private final Configuration configuration;

  /** The format with Flyway's defaults, or the configuration file of each directory it reads. */
  public FlywayFormat() {
    this.configuration = null;
  }

  /** The format that reads everything as {@code configuration} says. */
  public FlywayFormat(Configuration configuration) {
    this.configuration = Objects.requireNonNull(configuration, "configuration");
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Specific when the directory holds a {@code flyway.conf} or {@code flyway.toml}, or a file named
   * as Flyway names scripts ({@code V1__x.sql}, {@code R__x.sql}): such names are Flyway's own, so a
   * directory of them is read as Flyway, not as plain SQL files.
   */
  @Override
  public FormatMatch detect(Path directory) {
    if (ProjectConfig.present(directory)) {
      return FormatMatch.SPECIFIC;
    }
    try (Stream<Path> entries = Files.list(directory)) {
      boolean named = entries.anyMatch(p -> DEFAULT_NAME.matcher(p.getFileName().toString()).matches());
      return named ? FormatMatch.SPECIFIC : FormatMatch.NONE;
    } catch (IOException e) {
      return FormatMatch.NONE;
    }
  }

  /**
   * Reads {@code directory} as one Flyway {@code filesystem:} location. Without a configuration, a
   * {@code flyway.conf} or {@code flyway.toml} in it is honoured, locations included (relative
   * ones taken from the directory).
   */
  @Override
  public MigrationSet read(Path directory) {
    if (configuration != null) {
      return new FlywayScripts(configuration).read(NAME, List.of(filesystem(directory)), directory);
    }
    ProjectConfig.Loaded project = ProjectConfig.load(directory);
    List<Location> locations = project.locationsGiven()
        ? Arrays.asList(project.configuration().getLocations()) : List.of(filesystem(directory));
    return new FlywayScripts(project.configuration()).read(NAME, locations, directory);
  }

  /**
   * Reads the locations of the configuration this format was made with, as Flyway would resolve
   * them; relative filesystem locations are taken from the working directory, as Flyway takes them.
   *
   * @throws IllegalStateException when the format was made without a configuration
   */
  public MigrationSet read() {
    if (configuration == null) {
      throw new IllegalStateException("read() needs a FlywayFormat made with a Flyway Configuration");
    }
    return new FlywayScripts(configuration).read(NAME, Arrays.asList(configuration.getLocations()),
        Path.of("").toAbsolutePath());
  }

  /** Reads which migrations have run from Flyway's schema history table (name and schema as configured). */
  @Override
  public Optional<AppliedStateReader> history() {
    return Optional.of(new FlywayHistory(configuration));
  }

  /**
   * Records runs of the staging executor in Flyway's schema history table as Flyway records them,
   * so that Flyway sees them applied.
   */
  @Override
  public Optional<io.migrationsafety.format.HistoryWriter> historyWriter() {
    return Optional.of(new FlywayHistoryWriter(configuration));
  }

  /** Writes a rollback as Flyway's undo script, {@code U<version>__<description>.sql}, beside the versioned script. */
  @Override
  public Optional<DownScriptWriter> downScriptWriter() {
    return Optional.of(new UndoScriptWriter(effective()));
  }

  private Configuration effective() {
    return configuration != null ? configuration : new FluentConfiguration(FlywayFormat.class.getClassLoader());
  }

  private static Location filesystem(Path directory) {
    return new Location(Location.FILESYSTEM_PREFIX + directory.toAbsolutePath());
  }
}
