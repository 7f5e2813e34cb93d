package io.migrationsafety.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migrationsafety.MigrationSafetyException;
import io.migrationsafety.Version;
import io.migrationsafety.database.DatabaseTarget;
import io.migrationsafety.format.MigrationFormat;
import io.migrationsafety.format.MigrationFormats;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.rollback.RollbackCheck;
import io.migrationsafety.rollback.RollbackPlan;
import io.migrationsafety.rollback.RollbackRoundTrip;
import io.migrationsafety.rollback.RollbackStep;
import io.migrationsafety.rollback.Rollbacks;
import io.migrationsafety.rollback.RoundTrip;
import io.migrationsafety.rollback.VerifiedRollback;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.trace.EmbeddedServer;
import io.migrationsafety.trace.SchemaDdl;
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
 * undone and why, and whether the down scripts the migrations ship restore the schema; with
 * {@code --verify}, both run on a scratch PostgreSQL; with {@code --write}, the rollbacks written
 * where the format keeps them.
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

  @Option(names = "--write", description = "Write each reversible migration's rollback where the format keeps it "
      + "(N_x.down.sql, dbmate's -- migrate:down section, diesel's down.sql, Flyway's U file …).")
  private boolean write;

  @Option(names = "--force", description = "With --write: replace rollbacks the migrations already have.")
  private boolean force;

  @Option(names = "--verify", description = "Run each migration and its rollbacks (synthesized and shipped) on a "
      + "scratch PostgreSQL database and compare the schema after with the one before.")
  private boolean verify;

  @Option(names = "--pg-version", defaultValue = "16", paramLabel = "N",
      description = "With --verify and no --scratch-url: the embedded PostgreSQL's major version, 13 to 18 "
          + "(default: ${DEFAULT-VALUE}).")
  private int pgVersion;

  @Option(names = "--scratch-url", paramLabel = "URL", description = "With --verify: a scratch database instead of "
      + "the embedded PostgreSQL "
      + "(jdbc:postgresql://… or postgres://…). It must be empty, is written to, and is wiped afterwards: "
      + "never the database the migrations are meant for.")
  private String scratchUrl;

  @Override
  public Integer call() {
    if (force && !write) {
      throw new MigrationSafetyException("--force only means something with --write");
    }
    if (scratchUrl != null && !verify) {
      throw new MigrationSafetyException("--scratch-url only means something with --verify");
    }
    MigrationFormat detected = MigrationFormats.installed().detect(directory);
    MigrationSet set = schemaSource.withHistory(detected, detected.read(directory));
    Schema initial = schemaSource.read(spec.commandLine().getErr());
    List<RollbackPlan> plans = Rollbacks.plan(set, initial);
    List<VerifiedRollback> verified = verify ? verify(set, plans, initial) : null;
    List<RollbackFiles.Outcome> written = write ? RollbackFiles.write(detected, set, plans, verified, force) : null;
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      printJson(plans, verified, written, out);
    } else {
      printText(plans, verified, written, out);
    }
    boolean badDown = plans.stream().anyMatch(p -> p.downScriptCheck().map(c -> !c.restoresSchema()).orElse(false));
    boolean failedOnServer = verified != null && verified.stream().anyMatch(v -> v.skipped() != null
        || (v.synthesized() != null && !v.synthesized().restoresSchema())
        || (v.downScript() != null && !v.downScript().restoresSchema()));
    boolean irreversible = plans.stream().anyMatch(p -> !p.reversible());
    return badDown || failedOnServer || (failOnIrreversible && irreversible) ? ExitCode.BLOCKED.code()
        : ExitCode.OK.code();
  }

  private List<VerifiedRollback> verify(MigrationSet set, List<RollbackPlan> plans, Schema initial) {
    // The schema a snapshot or --database-url describes is built first (schema only, no rows).
    String setupSql = initial.equals(Schema.empty()) ? ""
        : SchemaDdl.statements(initial).stream().map(st -> st + ";\n").collect(java.util.stream.Collectors.joining());
    if (scratchUrl == null) {
      // The embedded default: a throw-away server of the default version, gone when the command ends.
      try (EmbeddedServer server = EmbeddedServer.start(pgVersion)) {
        return RollbackRoundTrip.onScratch(DatabaseTarget.of(server.dataSource())).verify(set, plans, setupSql);
      } catch (java.io.IOException e) {
        throw new MigrationSafetyException("cannot start an embedded PostgreSQL " + pgVersion + " to verify on ("
            + e.getMessage() + "); give a scratch database with --scratch-url", e);
      }
    }
    if (scratchUrl.equals(schemaSource.databaseUrl) || scratchUrl.equals(System.getenv(DatabaseTarget.ENVIRONMENT_VARIABLE))) {
      throw new MigrationSafetyException("--scratch-url names the database the schema is read from; "
          + "verification wipes its scratch database, so give it another one");
    }
    return RollbackRoundTrip.onScratch(DatabaseTarget.of(scratchUrl)).verify(set, plans, setupSql);
  }

  /** A round trip in words: what failed or what differs. */
  static String describe(RoundTrip trip) {
    if (trip.restoresSchema()) {
      return "restores the schema";
    }
    return trip.failure() != null ? trip.failure() : String.join("; ", trip.differences());
  }

  private static void printText(List<RollbackPlan> plans, List<VerifiedRollback> verified,
      List<RollbackFiles.Outcome> written, PrintWriter out) {
    for (int i = 0; i < plans.size(); i++) {
      RollbackPlan plan = plans.get(i);
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
      if (verified != null) {
        VerifiedRollback v = verified.get(i);
        if (v.skipped() != null) {
          out.println("   on PostgreSQL: " + v.skipped());
        }
        if (v.synthesized() != null) {
          out.println("   on PostgreSQL, the rollback below: " + describe(v.synthesized()));
        }
        if (v.downScript() != null) {
          out.println("   on PostgreSQL, the down script: " + describe(v.downScript()));
        }
      }
      if (written != null) {
        RollbackFiles.Outcome o = written.get(i);
        out.println("   " + o.action() + " " + o.file() + (o.reason().isEmpty() ? "" : ": " + o.reason()));
      }
      out.print(plan.sql());
      out.println();
    }
  }

  private static void printJson(List<RollbackPlan> plans, List<VerifiedRollback> verified,
      List<RollbackFiles.Outcome> written, PrintWriter out) {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("tool", "migration-safety");
    root.put("version", Version.get());
    ArrayNode migrations = root.putArray("migrations");
    for (int i = 0; i < plans.size(); i++) {
      RollbackPlan plan = plans.get(i);
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
      if (verified != null) {
        node.set("verified", verified(json, verified.get(i)));
      }
      if (written != null) {
        ObjectNode w = node.putObject("write");
        w.put("file", written.get(i).file().toString());
        w.put("action", written.get(i).action().name());
        if (!written.get(i).reason().isEmpty()) {
          w.put("reason", written.get(i).reason());
        }
      }
    }
    out.println(root.toPrettyString());
  }

  private static ObjectNode verified(ObjectMapper json, VerifiedRollback v) {
    ObjectNode node = json.createObjectNode();
    if (v.skipped() != null) {
      node.put("skipped", v.skipped());
    }
    if (v.synthesized() != null) {
      node.set("rollback", roundTrip(json, v.synthesized()));
    }
    if (v.downScript() != null) {
      node.set("downScript", roundTrip(json, v.downScript()));
    }
    return node;
  }

  private static ObjectNode roundTrip(ObjectMapper json, RoundTrip trip) {
    ObjectNode node = json.createObjectNode();
    node.put("restoresSchema", trip.restoresSchema());
    ArrayNode differences = node.putArray("differences");
    trip.differences().forEach(differences::add);
    if (trip.failure() != null) {
      node.put("failure", trip.failure());
    }
    return node;
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
