package io.migrationsafety.flyway;

import io.migrationsafety.MigrationReview;
import io.migrationsafety.MigrationSafety;
import io.migrationsafety.Review;
import io.migrationsafety.Reviewer;
import io.migrationsafety.Verdict;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.report.ReportFormat;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogFactory;

/**
 * A Flyway {@link Callback} that reviews every pending migration, as one batch, before Flyway runs
 * any of them, and stops {@code migrate()} when the review blocks.
 *
 * <pre>{@code
 * Flyway.configure().dataSource(ds).callbacks(new MigrationSafetyCallback()).load().migrate();
 * // or by class name: flyway.callbacks=io.migrationsafety.flyway.MigrationSafetyCallback
 * }</pre>
 *
 * <p>It handles one event, {@link Event#BEFORE_MIGRATE}, where an exception aborts the migration
 * before its first statement. (Flyway's {@code FlywayBlockStatementExecutionException} from a
 * statement event would only skip that statement silently, so it is never used.) The migrations are
 * read from Flyway's own configuration ({@link FlywayFormat#FlywayFormat(Configuration)}), and which
 * of them are pending from Flyway itself ({@code flyway.info()}).
 *
 * <p>The database: Flyway's connection can write, so the review never reads the schema through it
 * unless told to ({@link #readingThroughFlywayConnection()}, which it then says loudly). Give the
 * builder a read-only {@code schemaFrom(…)} to review against the real tables; without either, the
 * pending migrations are reviewed on a stand-in schema where tables they do not create count as
 * large.
 *
 * <p>Modes: {@link Mode#BLOCK} (the default) fails the migration with a
 * {@link MigrationsBlockedException} listing each blocked file, line, rule and safe alternative;
 * {@link Mode#WARN} logs the findings and lets Flyway go on; {@link Mode#REPORT} only writes the
 * report file. With PostgreSQL, a pending {@code CREATE INDEX CONCURRENTLY} while Flyway's
 * {@code postgresql.transactional.lock} is on (its default) would hang the migration: that blocks too.
 *
 * <p>Instances are immutable; the {@code with…} methods return changed copies.
 */
public final class MigrationSafetyCallback implements Callback {

  /** What the callback does with a review. */
  public enum Mode {
    /** Stop the migration when the review blocks (and log warnings). */
    BLOCK,
    /** Log what the review found and let the migration run. */
    WARN,
    /** Only write the review to the report file and let the migration run. */
    REPORT
  }

  /** The policy file read from the working directory by the no-argument constructor, when present. */
  public static final String POLICY_FILE = "migration-safety.yml";

  private static final Log LOG = LogFactory.getLog(MigrationSafetyCallback.class);

  private final Supplier<MigrationSafety.Builder> builder;
  private final Mode mode;
  private final Path reportFile;
  private final boolean throughFlywayConnection;

  /**
   * Blocks unsafe migrations with the default policy, or the {@value #POLICY_FILE} of the working
   * directory when there is one. Usable by class name in Flyway's configuration.
   */
  public MigrationSafetyCallback() {
    this(MigrationSafetyCallback::defaultBuilder, Mode.BLOCK, null, false);
  }

  /**
   * Blocks unsafe migrations with the configuration {@code builder} makes: policy, PostgreSQL
   * version, extra rules, a read-only {@code schemaFrom(…)}. It is called for each migration, so a
   * database given to it is read afresh each time.
   */
  public MigrationSafetyCallback(Supplier<MigrationSafety.Builder> builder) {
    this(builder, Mode.BLOCK, null, false);
  }

  private MigrationSafetyCallback(Supplier<MigrationSafety.Builder> builder, Mode mode, Path reportFile,
      boolean throughFlywayConnection) {
    this.builder = Objects.requireNonNull(builder, "builder");
    this.mode = Objects.requireNonNull(mode, "mode");
    this.reportFile = reportFile;
    this.throughFlywayConnection = throughFlywayConnection;
  }

  /** This callback in another mode; {@link Mode#REPORT} needs a {@link #withReportFile(Path) report file}. */
  public MigrationSafetyCallback withMode(Mode newMode) {
    return new MigrationSafetyCallback(builder, newMode, reportFile, throughFlywayConnection);
  }

  /** This callback writing each review to {@code file} too (JSON when it ends in {@code .json}, else text). */
  public MigrationSafetyCallback withReportFile(Path file) {
    return new MigrationSafetyCallback(builder, mode, Objects.requireNonNull(file, "file"), throughFlywayConnection);
  }

  /**
   * This callback reading the schema through Flyway's own data source, which can write. Only the
   * review's read-only transaction touches it, but the role is not checked to be read-only, and the
   * callback logs a warning that says so at every migration.
   */
  public MigrationSafetyCallback readingThroughFlywayConnection() {
    return new MigrationSafetyCallback(builder, mode, reportFile, true);
  }

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.BEFORE_MIGRATE;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public String getCallbackName() {
    return "migration-safety";
  }

  @Override
  public void handle(Event event, Context context) {
    if (event != Event.BEFORE_MIGRATE) {
      return;
    }
    if (mode == Mode.REPORT && reportFile == null) {
      throw new IllegalStateException("MigrationSafetyCallback in REPORT mode needs withReportFile(path)");
    }
    Configuration configuration = context.getConfiguration();
    Review review = review(configuration);
    List<String> hazards = lockHazards(configuration, review);
    if (reportFile != null) {
      write(review, reportFile);
    }
    boolean blocked = review.verdict() == Verdict.BLOCKED || !hazards.isEmpty();
    String summary = summary(review, hazards);
    switch (mode) {
      case BLOCK -> {
        if (blocked) {
          throw new MigrationsBlockedException(summary, review);
        }
        if (review.verdict() == Verdict.WARNING) {
          LOG.warn(summary);
        }
      }
      case WARN -> {
        if (review.verdict() != Verdict.SAFE || blocked) {
          LOG.warn(summary);
        }
      }
      case REPORT -> LOG.info("migration-safety: review of " + review.migrations().size()
          + " pending migration(s) written to " + reportFile + " (verdict " + review.verdict() + ")");
    }
  }

  private Review review(Configuration configuration) {
    MigrationSafety.Builder configured = builder.get();
    if (throughFlywayConnection) {
      configured.schemaFrom(configuration.getDataSource()).allowWritableConnection(true);
    }
    Reviewer reviewer = configured.build();
    if (throughFlywayConnection) {
      LOG.warn("migration-safety: reading the schema through Flyway's own data source, whose role can write; "
          + "the review only reads, in a read-only transaction, but give it a read-only role instead");
    }
    reviewer.warnings().forEach(w -> LOG.warn("migration-safety: " + w));
    MigrationSet set = new FlywayFormat(configuration).read();
    String source = (FlywaySettings.schemaConfigured(configuration) ? FlywaySettings.defaultSchema(configuration) + "."
        : "") + configuration.getTable();
    Flyway flyway = Flyway.configure(configuration.getClassLoader()).configuration(configuration).load();
    set = set.withApplied(FlywayAppliedState.of(set, flyway.info(), source));
    return reviewer.review(set);
  }

  /** Pending concurrent index builds while Flyway holds its PostgreSQL lock in a transaction: they hang. */
  private static List<String> lockHazards(Configuration configuration, Review review) {
    List<String> hazards = new ArrayList<>();
    if (!FlywaySettings.transactionalLock(configuration)) {
      return hazards;
    }
    for (MigrationReview m : review.migrations()) {
      Migration migration = m.migration();
      if (TransactionMode.hasConcurrentIndex(migration.upScript(), m.file())) {
        hazards.add(m.file() + ": CREATE/DROP INDEX CONCURRENTLY while Flyway's postgresql.transactional.lock is on "
            + "(its default): the index build waits for Flyway's own lock-holding transaction, and the migration "
            + "hangs. Set flyway.postgresql.transactional.lock=false (in Java: the "
            + "PostgreSQLConfigurationExtension's setTransactionalLock(false)).");
      }
    }
    return hazards;
  }

  private static String summary(Review review, List<String> hazards) {
    StringBuilder out = new StringBuilder("migration-safety: " + review.migrations().size()
        + " pending migration(s) reviewed, verdict " + review.verdict());
    if (!hazards.isEmpty()) {
      out.append(", and Flyway's configuration would hang them");
    }
    out.append(':');
    for (String hazard : hazards) {
      out.append("\n  ").append(hazard);
    }
    for (Finding f : review.findings()) {
      out.append("\n  ").append(f.file()).append(':').append(f.line()).append("  ").append(f.severity())
          .append("  ").append(f.rule()).append(": ").append(f.message());
      if (f.suggestion() != null && f.severity() == Severity.BLOCKED) {
        out.append("\n    instead: ").append(f.suggestion().strip().replace("\n", "\n             "));
      }
    }
    return out.toString();
  }

  private static void write(Review review, Path file) {
    ReportFormat format = file.getFileName().toString().endsWith(".json") ? ReportFormat.JSON : ReportFormat.TEXT;
    StringWriter text = new StringWriter();
    format.write(review, new PrintWriter(text), false);
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the migration-safety report " + file + ": " + e.getMessage(), e);
    }
  }

  private static MigrationSafety.Builder defaultBuilder() {
    MigrationSafety.Builder b = MigrationSafety.builder();
    Path policy = Path.of(POLICY_FILE);
    if (Files.isRegularFile(policy)) {
      b.policy(policy);
    }
    return b;
  }
}
