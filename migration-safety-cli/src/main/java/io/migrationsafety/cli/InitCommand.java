package io.migrationsafety.cli;

import io.migrationsafety.MigrationSafetyException;
import io.migrationsafety.policy.PolicyTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code migration-safety init}: writes a commented default policy file. */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = "Write a commented default policy (migration-safety.yml) to edit.")
final class InitCommand implements Callable<Integer> {

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = PolicyTemplate.FILE_NAME,
      description = "Where to write it (default: ${DEFAULT-VALUE}).")
  private Path output;

  @Option(names = "--force", description = "Overwrite the file if it exists.")
  private boolean force;

  @Override
  public Integer call() {
    if (Files.exists(output) && !force) {
      throw new MigrationSafetyException(output + " already exists; use --force to overwrite it");
    }
    try {
      Files.writeString(output, PolicyTemplate.text(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MigrationSafetyException("cannot write " + output + ": " + e.getMessage(), e);
    }
    spec.commandLine().getOut().println("wrote " + output + ": every key is shown with its default; edit what you need");
    return ExitCode.OK.code();
  }
}
