package io.migrationsafety.cli;

import io.migrationsafety.MigrationSafety;
import io.migrationsafety.MigrationSafetyException;
import io.migrationsafety.Reviewer;
import io.migrationsafety.execute.ExecutionRefusedException;
import io.migrationsafety.execute.ReleaseScript;
import io.migrationsafety.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code migration-safety script DIR -o release.sql}: the reviewed production script, for a person to
 * approve and run with psql, and its rollback beside it ({@code release.rollback.sql}).
 */
@Command(name = "script", mixinStandardHelpOptions = true,
    description = "Write the reviewed production script for the pending migrations in DIR, and its rollback.")
final class ScriptCommand implements Callable<Integer> {

  @ParentCommand
  private Main main;

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The migration directory (its format is detected).")
  private Path directory;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
      description = "The script to write (release.sql); the rollback goes beside it (release.rollback.sql).")
  private Path output;

  @Option(names = "--override-blocked", paramLabel = "REASON",
      description = "Write the script even though the review blocks, for this reason (shown in its header).")
  private String overrideReason;

  @Option(names = "--force", description = "Overwrite the files if they exist.")
  private boolean force;

  @Mixin
  private ReviewerOptions reviewerOptions = new ReviewerOptions();

  @Mixin
  private SchemaSourceOptions schemaSource = new SchemaSourceOptions();

  /** {@code release.sql} → {@code release.rollback.sql}. */
  static Path rollbackFile(Path script) {
    String name = script.getFileName().toString();
    String stem = name.endsWith(".sql") ? name.substring(0, name.length() - 4) : name;
    return script.resolveSibling(stem + ".rollback.sql");
  }

  @Override
  public Integer call() {
    Path rollback = rollbackFile(output);
    for (Path file : new Path[] {output, rollback}) {
      if (Files.exists(file) && !force) {
        throw new MigrationSafetyException(file + " already exists; use --force to overwrite it");
      }
    }
    MigrationSafety.Builder builder = reviewerOptions.builder();
    schemaSource.applyTo(builder);
    Reviewer reviewer = builder.build();
    PrintWriter out = spec.commandLine().getOut();
    reviewer.warnings().forEach(w -> spec.commandLine().getErr().println("WARNING: " + w));
    ReleaseScript script;
    try {
      script = ReleaseScript.prepare(reviewer, directory, overrideReason);
    } catch (ExecutionRefusedException e) {
      if (e.review().isEmpty()) {
        throw e;
      }
      ReportFormat.TEXT.write(e.review().get(), out, main.colour());
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return ExitCode.BLOCKED.code();
    }
    try {
      Files.writeString(output, script.sql(), StandardCharsets.UTF_8);
      Files.writeString(rollback, script.rollbackSql(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MigrationSafetyException("cannot write " + output + ": " + e.getMessage(), e);
    }
    out.println("wrote " + output + " (" + script.review().migrations().size() + " pending migrations, review "
        + script.review().verdict() + ", inputs SHA-256 " + script.checksum() + ")");
    out.println("wrote " + rollback);
    out.println("run it with: psql -v ON_ERROR_STOP=1 -f " + output + " <database URL>");
    return ExitCode.OK.code();
  }
}
