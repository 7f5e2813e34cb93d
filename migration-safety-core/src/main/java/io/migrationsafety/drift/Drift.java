package io.migrationsafety.drift;

import io.migrationsafety.database.DatabaseTarget;
import io.migrationsafety.database.IntrospectedSchema;
import io.migrationsafety.format.MigrationFormat;
import io.migrationsafety.format.MigrationFormats;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.SchemaSnapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Drift detection: how a schema differs from what it should be.
 *
 * <pre>{@code
 * DriftReport staging = Drift.between(DatabaseTarget.of(stagingUrl), DatabaseTarget.of(productionUrl), false);
 * DriftReport applied = Drift.againstMigrations(DatabaseTarget.of(url), Path.of("db/migration"), false);
 * System.out.print(applied.text());
 * }</pre>
 *
 * <p>Databases are read through the read-only guard ({@link DatabaseTarget#read(boolean)}).
 */
public final class Drift {

  private Drift() {}

  /**
   * The differences of {@code actual} from {@code expected}.
   *
   * @param actualLabel names the actual side in messages ("the database")
   * @param expectedLabel names the expected side ("the snapshot schema.json")
   */
  public static DriftReport compare(Schema actual, String actualLabel, Schema expected, String expectedLabel,
      DriftOptions options) {
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(options, "options");
    return new DriftReport(actualLabel, expectedLabel, SchemaComparison.compare(actual, expected, options), List.of());
  }

  /** Two databases (staging against production, say), compared exactly. */
  public static DriftReport between(DatabaseTarget actual, DatabaseTarget expected, boolean allowWritable) {
    Schema a = actual.read(allowWritable).schema();
    Schema e = expected.read(allowWritable).schema();
    return compare(a, "database " + actual.description(), e, "database " + expected.description(),
        DriftOptions.exact());
  }

  /**
   * A database against a snapshot file ({@link SchemaSnapshot}), compared exactly: a snapshot is
   * written from a database (the {@code snapshot} command), so both sides were printed by PostgreSQL.
   *
   * @throws io.migrationsafety.schema.SchemaSnapshotException when the file is unreadable or invalid
   */
  public static DriftReport againstSnapshot(DatabaseTarget actual, Path snapshot, boolean allowWritable) {
    Schema expected = SchemaSnapshot.load(snapshot);
    return compare(actual.read(allowWritable).schema(), "database " + actual.description(), expected,
        "snapshot " + snapshot, DriftOptions.exact());
  }

  /**
   * A database against the replay of the migrations in {@code directory} that it has applied: when
   * the format keeps a history in the database ({@link MigrationFormat#history()}), the migrations
   * that history lists, else all of them.
   *
   * @throws io.migrationsafety.format.MigrationFormatException when the directory cannot be read
   */
  public static DriftReport againstMigrations(DatabaseTarget actual, Path directory, boolean allowWritable) {
    MigrationFormat format = MigrationFormats.installed().detect(directory);
    MigrationSet set = format.read(directory);
    if (format.history().isPresent()) {
      set = actual.readHistory(set, format.history().get(), allowWritable);
    }
    IntrospectedSchema live = actual.read(allowWritable);
    return againstReplay(live.schema(), "database " + actual.description(), set);
  }

  /**
   * A schema read from a database against the replay of the migrations of {@code set} it has
   * applied ({@link MigrationSet#applied()} when it lists some, else all). When the replayed model cannot
   * be trusted, the report says why and holds no differences. The history table named by the set's
   * applied state is left out, and so is {@code plpgsql}; expressions are compared normalized.
   */
  public static DriftReport againstReplay(Schema live, String liveLabel, MigrationSet set) {
    MigrationReplay replay = MigrationReplay.of(set);
    String expectedLabel = "the " + (MigrationReplay.fromHistory(set) ? "applied " : "") + "migrations in "
        + set.directory()
        + " (" + replay.migrations() + (replay.migrations() == 1 ? " migration" : " migrations") + " replayed)";
    if (!replay.untrusted().isEmpty()) {
      return new DriftReport(liveLabel, expectedLabel, List.of(), replay.untrusted());
    }
    DriftOptions options = DriftOptions.againstReplay();
    if (set.applied().known()) {
      options = options.ignoringTable(historyTable(set.applied().source()));
    }
    return compare(live, liveLabel, replay.schema(), expectedLabel, options);
  }

  /** The history table an applied state was read from ({@code public.flyway_schema_history}). */
  private static QualifiedName historyTable(String written) {
    // "migration_safety_history (not created yet)": the name is the first word.
    String source = written.strip().split("\\s+")[0];
    int dot = source.lastIndexOf('.');
    return dot < 0 ? QualifiedName.of("public", unquote(source))
        : QualifiedName.of(unquote(source.substring(0, dot)), unquote(source.substring(dot + 1)));
  }

  private static String unquote(String part) {
    return part.length() > 1 && part.startsWith("\"") && part.endsWith("\"")
        ? part.substring(1, part.length() - 1).replace("\"\"", "\"") : part;
  }
}
