package io.migrationsafety.cli;

import io.migrationsafety.MigrationSafetyException;
import io.migrationsafety.Version;
import io.migrationsafety.database.DatabaseUnavailableException;
import io.migrationsafety.database.WritableConnectionException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code migration-safety} command. */
@Command(
    name = "migration-safety",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "Reviews PostgreSQL schema migrations for Flyway, Alembic, Prisma and plain SQL.",
    subcommands = {ReviewCommand.class, TraceCommand.class, RulesCommand.class, InitCommand.class, ParseCommand.class,
        RollbackCommand.class, CalibrateCommand.class, ExecuteCommand.class, ScriptCommand.class, DriftCommand.class,
        SnapshotCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  private final boolean terminal;

  private Main(boolean terminal) {
    this.terminal = terminal;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    boolean terminal = System.console() != null && System.getenv("NO_COLOR") == null;
    System.exit(execute(terminal, out, err, args));
  }

  /**
   * Runs the command line {@code args}, writing to {@code out} and {@code err}, and returns the
   * exit code (see {@link ExitCode}).
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return execute(false, out, err, args);
  }

  private static int execute(boolean terminal, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main(terminal));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(Main::exitCodeOf);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof MigrationSafetyException) {
        commandLine.getErr().println("error: " + e.getMessage());
      } else {
        commandLine.getErr().println("internal error: " + e);
        e.printStackTrace(commandLine.getErr());
      }
      return exitCodeOf(e);
    });
    cli.setParameterExceptionHandler((e, args1) -> {
      CommandLine c = e.getCommandLine();
      c.getErr().println("error: " + e.getMessage());
      c.usage(c.getErr());
      return ExitCode.BAD_INPUT.code();
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static int exitCodeOf(Throwable e) {
    if (e instanceof DatabaseUnavailableException || e instanceof WritableConnectionException
        || e instanceof io.migrationsafety.trace.TraceException) {
      return ExitCode.DATABASE.code();
    }
    return ExitCode.BAD_INPUT.code();
  }

  /** Whether output may use colour: only on a terminal, and never with NO_COLOR set. */
  boolean colour() {
    return terminal;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reports the library version for {@code --version}. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"migration-safety " + Version.get()};
    }
  }
}
