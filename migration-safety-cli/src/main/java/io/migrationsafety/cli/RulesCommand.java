package io.migrationsafety.cli;

import io.migrationsafety.rule.Rule;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.RuleRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code migration-safety rules}: every rule with its default severity and docs page. */
@Command(name = "rules", mixinStandardHelpOptions = true,
    description = "List every rule: id, default severity, what it catches, and its docs page.")
final class RulesCommand implements Callable<Integer> {

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    RuleRegistry registry = RuleRegistry.builtIn();
    int width = registry.all().stream().mapToInt(r -> r.id().length()).max().orElse(10);
    for (Rule rule : registry.all()) {
      RuleMetadata m = rule.metadata();
      out.printf("%-" + width + "s  %-7s  %s%n", m.id(), m.defaultSeverity(), m.summary());
      out.printf("%-" + width + "s  %-7s  %s%s%n", "", "", m.docsPath(), m.enabledByDefault() ? "" : "  (off by default)");
    }
    out.printf("%d rules%n", registry.all().size());
    return ExitCode.OK.code();
  }
}
