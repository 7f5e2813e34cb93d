package io.migrationsafety.cli;

import io.migrationsafety.MigrationSafetyException;
import io.migrationsafety.execute.ExecutionFailure;
import io.migrationsafety.execute.ExecutionListener;
import io.migrationsafety.execute.ExecutionRefusedException;
import io.migrationsafety.execute.ExecutionResult;
import io.migrationsafety.execute.Leftover;
import io.migrationsafety.execute.LockHold;
import io.migrationsafety.execute.MigrationRun;
import io.migrationsafety.execute.Retry;
import io.migrationsafety.execute.StagingExecutor;
import io.migrationsafety.execute.StagingTarget;
import io.migrationsafety.execute.StatementRun;
import io.migrationsafety.report.ReportFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code migration-safety execute DIR --database-url URL --target staging}: reviews the pending
 * migrations on the staging database and, unless the review blocks, applies them there, printing each
 * statement as it runs and a summary at the end.
 */
@Command(name = "execute", mixinStandardHelpOptions = true,
    description = "Apply the pending migrations in DIR to a STAGING database, after reviewing them there.")
final class ExecuteCommand implements Callable<Integer> {

  @ParentCommand
  private Main main;

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The migration directory (its format is detected).")
  private Path directory;

  @Option(names = "--database-url", required = true, paramLabel = "URL",
      description = "The staging database (jdbc:postgresql://… or postgres://user:pass@host/db). Never read from the "
          + "environment: writing needs the URL on the command line.")
  private String databaseUrl;

  @Option(names = "--target", required = true, paramLabel = "staging",
      description = "What the database is. Only 'staging' is accepted: production gets `migration-safety script`.")
  private String target;

  @Option(names = "--override-blocked", paramLabel = "REASON",
      description = "Run even though the review blocks, for this reason (kept in the history and the summary).")
  private String overrideReason;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text: progress per statement and a summary; json: only the summary, as JSON (default: text).")
  private String format;

  @Mixin
  private ReviewerOptions reviewerOptions = new ReviewerOptions();

  @Override
  public Integer call() {
    if (!"staging".equals(target.toLowerCase(Locale.ROOT))) {
      throw new MigrationSafetyException("--target " + target + " is not accepted: migration-safety only executes on "
          + "staging. For production, `migration-safety script DIR -o release.sql` writes the reviewed script for a "
          + "person to approve and run.");
    }
    boolean json = switch (format) {
      case "text" -> false;
      case "json" -> true;
      default -> throw new MigrationSafetyException("--format " + format + " is not known; use text or json");
    };
    PrintWriter out = spec.commandLine().getOut();
    StagingTarget staging = StagingTarget.of(databaseUrl);
    StagingExecutor executor = reviewerOptions.builder().build().executor(staging);
    if (!json) {
      executor = executor.listener(new Progress(out));
    }
    if (overrideReason != null) {
      executor = executor.overrideBlocked(overrideReason);
    }
    if (!json) {
      out.println("executing on " + executor.target().description() + " (staging)");
    }
    ExecutionResult result;
    try {
      result = executor.execute(directory);
    } catch (ExecutionRefusedException e) {
      if (e.review().isEmpty()) {
        throw e;
      }
      (json ? ReportFormat.JSON : ReportFormat.TEXT).write(e.review().get(), out, !json && main.colour());
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return ExitCode.BLOCKED.code();
    }
    if (json) {
      ExecutionJson.write(result, out);
    } else {
      summary(result, out);
    }
    return result.succeeded() ? ExitCode.OK.code() : ExitCode.DATABASE.code();
  }

  private static void summary(ExecutionResult result, PrintWriter out) {
    out.println();
    long applied = result.migrations().stream().filter(MigrationRun::applied).count();
    out.println("summary: " + applied + " applied, " + result.alreadyApplied().size() + " already applied before"
        + " (review " + result.review().verdict() + ")");
    if (result.overrideReason() != null) {
      out.println("  BLOCKED review overridden, because: " + result.overrideReason());
    }
    for (MigrationRun run : result.migrations()) {
      out.println("  " + (run.applied() ? "applied " : "FAILED  ") + run.file() + "  " + ms(run.elapsed())
          + (run.attempts() > 1 ? "  (" + run.attempts() + " attempts)" : ""));
      for (Retry retry : run.retries()) {
        out.println("    retried after lock timeout at line " + retry.line() + " (attempt " + retry.attempt() + ")");
      }
    }
    if (!result.locks().isEmpty()) {
      out.println("locks held (observed, from the statement that took the lock to its commit):");
      for (LockHold hold : result.locks()) {
        out.println("  " + hold.relation() + "  " + hold.mode().sqlName() + "  " + ms(hold.held()) + "  (" + hold.file()
            + ":" + hold.line() + ")");
      }
    }
    result.stoppedBy().ifPresent(failure -> failure(failure, out));
  }

  private static void failure(ExecutionFailure failure, PrintWriter out) {
    out.println();
    String stopped = switch (failure.kind()) {
      case LOCK_TIMEOUT -> "STOPPED (lock not acquired) at ";
      case DEADLOCK -> "STOPPED (deadlock victim on every attempt) at ";
      case STATEMENT_FAILED -> "FAILED at ";
    };
    out.println(stopped + failure.location() + (failure.sqlState().isEmpty() ? "" : "  [" + failure.sqlState() + "]"));
    out.println("  " + failure.message().replace("\n", "\n  "));
    if (failure.rolledBack()) {
      out.println("  the migration's transaction was rolled back: nothing of it is applied");
    } else if (!failure.committed().isEmpty()) {
      out.println("  still applied (ran outside a transaction): lines " + failure.committed());
    }
    for (Leftover left : failure.leftovers()) {
      out.println("  left behind: " + left.what());
      out.println("    see it:     " + left.check());
      out.println("    clean up:   " + left.cleanup());
    }
  }

  private static String ms(Duration d) {
    return d.toMillis() + " ms";
  }

  /** Prints each statement as it finishes, and each retry. */
  private static final class Progress implements ExecutionListener {
    private final PrintWriter out;

    Progress(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void migrationStarted(String file, boolean transactional, int attempt) {
      out.println("== " + file + (transactional ? "" : " (no transaction)") + (attempt > 1 ? ", attempt " + attempt : ""));
      out.flush();
    }

    @Override
    public void statementFinished(StatementRun run) {
      out.println("   " + run.file() + ":" + run.line() + "  " + run.sql() + "  " + ms(run.elapsed()));
      out.flush();
    }

    @Override
    public void retrying(Retry retry) {
      out.println("   " + retry.file() + ":" + retry.line() + "  lock timeout; retrying in " + ms(retry.backoff()));
      out.flush();
    }
  }
}
