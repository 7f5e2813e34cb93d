package io.migrationsafety.estimate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The throughputs of one PostgreSQL server: the constants of the {@link CostModel}, measured by the
 * {@link Calibrator} on a scratch table, never guessed. Times are per row or per byte, in
 * milliseconds.
 *
 * @param scanMsPerByte a validation scan (CHECK, SET NOT NULL, ATTACH PARTITION) per byte of the
 *     table ({@code pg_total_relation_size})
 * @param rewriteMsPerByte copying a table to new files (type change, volatile default, VACUUM FULL)
 *     per byte, its indexes' rebuild not included
 * @param indexMsPerRow a b-tree build per row for an 8-byte key
 * @param indexMsPerRowPerKeyByte what each key byte beyond 8 adds per row
 * @param concurrentIndexFactor how much longer {@code CREATE INDEX CONCURRENTLY} takes than a plain build
 * @param foreignKeyMsPerRow validating a foreign key, per row of the referencing table
 * @param updateMsPerRow an UPDATE per row touched, on a table with only its primary key
 * @param updateMsPerRowPerIndex what each further index adds to an UPDATE per row
 * @param deleteMsPerRow a DELETE per row
 * @param insertMsPerRow an INSERT (one statement, many rows) per row
 * @param catalogMs a statement that changes only the catalog
 * @param bytesPerRow the calibration table's bytes per row, used when only rows or only bytes are known
 * @param measuredOn what was measured: server version, machine, rows, date
 */
public record Rates(
    double scanMsPerByte,
    double rewriteMsPerByte,
    double indexMsPerRow,
    double indexMsPerRowPerKeyByte,
    double concurrentIndexFactor,
    double foreignKeyMsPerRow,
    double updateMsPerRow,
    double updateMsPerRowPerIndex,
    double deleteMsPerRow,
    double insertMsPerRow,
    double catalogMs,
    double bytesPerRow,
    String measuredOn) {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
  private static final String DEFAULTS = "default-rates.json";
  private static volatile Rates defaults;

  public Rates {
    Objects.requireNonNull(measuredOn, "measuredOn");
    double[] all = {scanMsPerByte, rewriteMsPerByte, indexMsPerRow, indexMsPerRowPerKeyByte, concurrentIndexFactor,
        foreignKeyMsPerRow, updateMsPerRow, updateMsPerRowPerIndex, deleteMsPerRow, insertMsPerRow, catalogMs,
        bytesPerRow};
    for (double value : all) {
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("rates must be finite and not negative: " + value);
      }
    }
    if (bytesPerRow <= 0) {
      throw new IllegalArgumentException("bytesPerRow must be positive");
    }
  }

  /**
   * The rates shipped with the library, measured on the machine {@code docs/estimates.md} describes.
   * A server of your own is better described by {@code migration-safety calibrate}.
   */
  public static Rates defaults() {
    Rates loaded = defaults;
    if (loaded == null) {
      try (InputStream in = Rates.class.getResourceAsStream(DEFAULTS)) {
        if (in == null) {
          throw new IllegalStateException("the library's " + DEFAULTS + " is missing from its jar");
        }
        loaded = JSON.readValue(in, Rates.class);
      } catch (IOException e) {
        throw new UncheckedIOException("the library's " + DEFAULTS + " is unreadable", e);
      }
      defaults = loaded;
    }
    return loaded;
  }

  /**
   * The rates a policy names ({@code estimates.rates}), else the library's defaults.
   *
   * @throws RatesException when the named file is unreadable or not a rates file
   */
  public static Rates of(io.migrationsafety.policy.EstimateSettings settings) {
    return settings.rates() == null ? defaults() : load(settings.rates());
  }

  /**
   * Rates saved by {@link #save(Path)} (what {@code migration-safety calibrate -o FILE} writes).
   *
   * @throws RatesException when the file is unreadable or not a rates file
   */
  public static Rates load(Path file) {
    try {
      return JSON.readValue(Files.readString(file), Rates.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new RatesException(file + ": not a rates file written by `migration-safety calibrate` ("
          + e.getMessage().lines().findFirst().orElse("") + ")", e);
    }
  }

  /** Writes these rates as JSON to {@code file}. */
  public void save(Path file) throws IOException {
    Files.writeString(file, JSON.writeValueAsString(this) + "\n");
  }
}
