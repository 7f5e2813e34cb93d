package io.migrationsafety.cli;

import io.migrationsafety.MigrationSafety;
import io.migrationsafety.MigrationSafetyException;
import io.migrationsafety.policy.PolicyLoader;
import io.migrationsafety.policy.PolicyTemplate;
import io.migrationsafety.report.ReportFormat;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.trace.Trace;
import io.migrationsafety.trace.Tracer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code migration-safety trace DIR}: runs the migrations on a real PostgreSQL in transactions that
 * are rolled back and prints the locks, rewrites and time of every statement next to the lock
 * model's prediction.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
    description = "Trace the migrations in DIR on a real PostgreSQL (embedded by default; every transaction rolled "
        + "back): the locks each statement takes, the tables it rewrites, its time, and where the lock model disagrees.")
final class TraceCommand implements Callable<Integer> {

  @ParentCommand
  private Main main;

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The migration directory (its format is detected).")
  private Path directory;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "Output: text, json or markdown (default: ${DEFAULT-VALUE}).")
  private String format;

  @Option(names = "--pg-version", paramLabel = "N",
      description = "PostgreSQL major version of the embedded server, 13 to 18 (default: the policy's, else 16).")
  private Integer postgresVersion;

  @Option(names = "--policy", paramLabel = "FILE",
      description = "The policy file (default: migration-safety.yml in the working directory, if there is one).")
  private Path policy;

  /** The starting schema: one of a snapshot or a database read read-only. */
  static final class StartingSchema {
    @Option(names = "--snapshot", paramLabel = "FILE",
        description = "Build this schema snapshot (JSON) on the trace server before the first migration.")
    Path snapshot;

    @Option(names = "--schema-from-url", paramLabel = "URL",
        description = "Copy the schema (no rows) of this database, read over a read-only connection, to the trace server.")
    String url;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  private StartingSchema start;

  @Option(names = "--allow-writable-connection",
      description = "Read --schema-from-url even if its role could write to it (it is still only read).")
  private boolean allowWritable;

  @Mixin
  private TraceOptions target = new TraceOptions();

  @Option(names = "--fail-on", defaultValue = "blocked", paramLabel = "LEVEL",
      description = "Exit with 1 when a disagreement is at least this severe: ${COMPLETION-CANDIDATES} "
          + "(default: ${DEFAULT-VALUE}).")
  private ReviewCommand.FailOn failOn;

  @Override
  public Integer call() {
    ReportFormat report = Options.reportFormat(format);
    if (!report.writesTraces()) {
      // refused before the trace runs, not after
      throw new MigrationSafetyException("a trace is written as text, json or markdown; --format " + format
          + " reports reviews only");
    }
    Tracer.Builder builder = MigrationSafety.tracer();
    Path policyFile = policy != null ? policy : Files.isRegularFile(Path.of(PolicyTemplate.FILE_NAME))
        ? Path.of(PolicyTemplate.FILE_NAME) : null;
    if (policyFile != null) {
      builder.policy(PolicyLoader.load(policyFile).policy());
    }
    if (postgresVersion != null) {
      builder.postgresVersion(postgresVersion);
    }
    String readUrl = null;
    if (start != null && start.snapshot != null) {
      builder.schema(start.snapshot);
    } else if (start != null && start.url != null) {
      readUrl = start.url;
      builder.schemaFrom(start.url).allowWritableConnection(allowWritable);
    }
    target.applyTo(builder, readUrl);
    Tracer tracer = builder.build();
    tracer.warnings().forEach(w -> spec.commandLine().getErr().println("WARNING: " + w));
    Trace trace = tracer.trace(directory);
    report.write(trace, spec.commandLine().getOut(), main.colour());
    Severity threshold = failOn == ReviewCommand.FailOn.warning ? Severity.WARNING : Severity.BLOCKED;
    boolean fails = trace.findings().stream().map(Finding::severity).anyMatch(s -> s.compareTo(threshold) >= 0);
    return fails ? ExitCode.BLOCKED.code() : ExitCode.OK.code();
  }
}
