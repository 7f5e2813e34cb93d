package io.migrationsafety.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migrationsafety.Version;
import io.migrationsafety.format.MigrationFormats;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.rollback.RollbackCheck;
import io.migrationsafety.rollback.RollbackPlan;
import io.migrationsafety.rollback.RollbackStep;
import io.migrationsafety.rollback.Rollbacks;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code migration-safety rollback DIR}: the synthesized rollback of each migration, what cannot be
 * undone and why, and whether the down scripts the migrations ship restore the schema.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = "Write the rollback of each migration, say what is irreversible, check down scripts.")
final class RollbackCommand implements Callable<Integer> {

  enum Format { text, json }

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The migrations directory.")
  private Path directory;

  @Option(names = "--format", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private Format format;

  @picocli.CommandLine.Mixin
  private SchemaSourceOptions schemaSource = new SchemaSourceOptions();

  @Option(names = "--fail-on-irreversible", description = "Exit with 1 when a migration cannot be undone.")
  private boolean failOnIrreversible;

  @Override
  public Integer call() {
    MigrationSet set = MigrationFormats.installed().read(directory);
    List<RollbackPlan> plans = Rollbacks.plan(set, schemaSource.read(spec.commandLine().getErr()));
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      printJson(plans, out);
    } else {
      printText(plans, out);
    }
    boolean badDown = plans.stream().anyMatch(p -> p.downScriptCheck().map(c -> !c.restoresSchema()).orElse(false));
    boolean irreversible = plans.stream().anyMatch(p -> !p.reversible());
    return badDown || (failOnIrreversible && irreversible) ? ExitCode.BLOCKED.code() : ExitCode.OK.code();
  }

  private static void printText(List<RollbackPlan> plans, PrintWriter out) {
    for (RollbackPlan plan : plans) {
      out.println("== " + plan.file() + (plan.reversible() ? " (reversible)" : " (IRREVERSIBLE)"));
      for (RollbackStep.Irreversible step : plan.irreversible()) {
        out.println("   line " + step.line() + ": " + step.reason());
      }
      for (String note : plan.dataLoss()) {
        out.println("   data loss, " + note);
      }
      plan.downScriptCheck().ifPresent(check -> {
        out.println("   down script: " + (check.restoresSchema() ? "restores the schema" : "does NOT restore the schema"));
        check.differences().forEach(d -> out.println("     " + d));
        check.problems().forEach(p -> out.println("     " + p));
      });
      out.print(plan.sql());
      out.println();
    }
  }

  private static void printJson(List<RollbackPlan> plans, PrintWriter out) {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("tool", "migration-safety");
    root.put("version", Version.get());
    ArrayNode migrations = root.putArray("migrations");
    for (RollbackPlan plan : plans) {
      ObjectNode node = migrations.addObject();
      node.put("file", plan.file());
      node.put("reversible", plan.reversible());
      node.put("sql", plan.sql());
      ArrayNode irreversible = node.putArray("irreversible");
      for (RollbackStep.Irreversible step : plan.irreversible()) {
        ObjectNode item = irreversible.addObject();
        item.put("line", step.line());
        item.put("reason", step.reason());
        if (!step.advice().isBlank()) {
          item.put("advice", step.advice());
        }
      }
      ArrayNode dataLoss = node.putArray("dataLoss");
      plan.dataLoss().forEach(dataLoss::add);
      node.put("outsideTransaction", plan.outsideTransaction());
      plan.downScriptCheck().ifPresent(check -> node.set("downScript", check(json, check)));
    }
    out.println(root.toPrettyString());
  }

  private static ObjectNode check(ObjectMapper json, RollbackCheck check) {
    ObjectNode node = json.createObjectNode();
    node.put("restoresSchema", check.restoresSchema());
    ArrayNode differences = node.putArray("differences");
    check.differences().forEach(differences::add);
    ArrayNode problems = node.putArray("problems");
    check.problems().forEach(problems::add);
    return node;
  }
}
