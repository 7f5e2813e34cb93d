package io.migrationsafety.cli;

import io.migrationsafety.MigrationSafety;
import io.migrationsafety.MigrationSafetyException;
import io.migrationsafety.Review;
import io.migrationsafety.Reviewer;
import io.migrationsafety.Verdict;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.policy.PolicyTemplate;
import io.migrationsafety.report.ReportFormat;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code migration-safety review DIR}: reviews a migration directory and prints the verdicts. */
@Command(name = "review", mixinStandardHelpOptions = true,
    description = "Review the migrations in DIR: a verdict per migration, findings with the safe way to do it.")
final class ReviewCommand implements Callable<Integer> {

  enum FailOn { blocked, warning }

  @ParentCommand
  private Main main;

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The migration directory (its format is detected).")
  private Path directory;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "Output: text, json, markdown, sarif or junit (default: ${DEFAULT-VALUE}).")
  private String format;

  @picocli.CommandLine.Mixin
  private ReviewerOptions reviewerOptions = new ReviewerOptions();

  @picocli.CommandLine.Mixin
  private SchemaSourceOptions schemaSource = new SchemaSourceOptions();

  @Option(names = "--rates", paramLabel = "FILE",
      description = "Throughputs for the estimates, measured by `calibrate -o FILE` on your server "
          + "(default: the library's, measured on the machine docs/estimates.md describes).")
  private Path rates;

  @Option(names = "--trace",
      description = "Also run the migrations on a real PostgreSQL (embedded, of the review's version; every transaction "
          + "rolled back) and show the observed locks next to the predicted ones; disagreements become findings.")
  private boolean trace;

  @picocli.CommandLine.Mixin
  private TraceOptions traceTarget = new TraceOptions();

  @Option(names = "--fail-on", defaultValue = "blocked", paramLabel = "LEVEL",
      description = "Exit with 1 when the verdict is at least this: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private FailOn failOn;

  /** {@code migration-safety.yml} in the working directory, when it exists. */
  static Path defaultPolicy() {
    Path file = Path.of(PolicyTemplate.FILE_NAME);
    return java.nio.file.Files.isRegularFile(file) ? file : null;
  }

  @Override
  public Integer call() {
    ReportFormat report = Options.reportFormat(format);
    MigrationSafety.Builder builder = reviewerOptions.builder();
    schemaSource.applyTo(builder);
    if (rates != null) {
      builder.rates(rates);
    }
    Reviewer reviewer = builder.build();
    reviewer.warnings().forEach(w -> spec.commandLine().getErr().println("WARNING: " + w));
    Review review;
    io.migrationsafety.trace.Trace observed = null;
    if (trace) {
      MigrationSet set = reviewer.read(directory);
      review = reviewer.review(set);
      io.migrationsafety.trace.Tracer.Builder tracer = MigrationSafety.tracer().policy(reviewer.policy())
          .postgresVersion(review.postgresVersion());
      if (schemaSource.snapshot != null || schemaSource.url() != null) {
        tracer.schema(reviewer.schema()); // read once, by the reviewer
      }
      traceTarget.applyTo(tracer, schemaSource.url());
      // The reviewer has already printed the warning about a writable connection, if any.
      observed = tracer.build().trace(set);
      review = observed.addTo(review);
    } else if (traceTarget.scratchUrl != null || traceTarget.syntheticRows != 0) {
      throw new MigrationSafetyException((traceTarget.scratchUrl != null ? "--scratch-url" : "--synthetic-rows")
          + " only matters with --trace");
    } else {
      review = reviewer.review(directory);
    }
    report.write(review, observed, spec.commandLine().getOut(), main.colour());
    Verdict threshold = failOn == FailOn.warning ? Verdict.WARNING : Verdict.BLOCKED;
    return review.verdict().compareTo(threshold) >= 0 ? ExitCode.BLOCKED.code() : ExitCode.OK.code();
  }
}
