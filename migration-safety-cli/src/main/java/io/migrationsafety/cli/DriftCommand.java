package io.migrationsafety.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migrationsafety.Version;
import io.migrationsafety.database.DatabaseTarget;
import io.migrationsafety.drift.Difference;
import io.migrationsafety.drift.Drift;
import io.migrationsafety.drift.DriftReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code migration-safety drift}: how a database differs from another database, from the
 * migrations it has applied, or from a snapshot. Exit 0 without drift, 1 with drift, 2 when the
 * migrations cannot be replayed faithfully enough to compare, 3 when a database is unreachable or
 * refused.
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
    description = "Compare a database with another database, its applied migrations, or a snapshot.")
final class DriftCommand implements Callable<Integer> {

  enum Format { text, json }

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--database-url", paramLabel = "URL",
      description = "The database to check (jdbc:postgresql://… or postgres://user:pass@host/db), read over a "
          + "connection checked to be read-only. Default: the environment variable MIGRATION_SAFETY_DATABASE_URL.")
  private String databaseUrl;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Against against;

  static final class Against {
    @Option(names = "--against-url", paramLabel = "URL", description = "Another database, compared exactly.")
    String url;

    @Option(names = "--against-migrations", paramLabel = "DIR",
        description = "The migrations in DIR that the database has applied (per the format's history in the "
            + "database; all of them when the format keeps none), replayed.")
    Path migrations;

    @Option(names = "--against-snapshot", paramLabel = "FILE", description = "A schema snapshot (JSON).")
    Path snapshot;
  }

  @Option(names = "--format", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private Format format;

  @Option(names = "--allow-writable-connection",
      description = "Read the databases even if their role could write to them (the library still never writes).")
  private boolean allowWritable;

  @Override
  public Integer call() {
    DatabaseTarget database = DatabaseUrls.required(databaseUrl);
    DriftReport report;
    if (against.url != null) {
      report = Drift.between(database, DatabaseTarget.of(against.url), allowWritable);
    } else if (against.migrations != null) {
      report = Drift.againstMigrations(database, against.migrations, allowWritable);
    } else {
      report = Drift.againstSnapshot(database, against.snapshot, allowWritable);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(json(report).toPrettyString());
    } else {
      out.print(report.text());
    }
    if (!report.comparable()) {
      return ExitCode.BAD_INPUT.code();
    }
    return report.drifted() ? ExitCode.BLOCKED.code() : ExitCode.OK.code();
  }

  private static ObjectNode json(DriftReport report) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("tool", "migration-safety");
    root.put("version", Version.get());
    root.put("actual", report.actual());
    root.put("expected", report.expected());
    root.put("comparable", report.comparable());
    root.put("drift", report.drifted());
    ArrayNode reasons = root.putArray("notComparable");
    report.notComparable().forEach(reasons::add);
    ArrayNode differences = root.putArray("differences");
    for (Difference d : report.differences()) {
      ObjectNode node = differences.addObject();
      node.put("kind", d.kind().name());
      node.put("objectType", d.objectType().name());
      node.put("object", d.object());
      if (d instanceof Difference.Changed changed) {
        node.put("aspect", changed.aspect().name());
        node.put("actual", changed.actual());
        node.put("expected", changed.expected());
      }
      node.put("message", d.describe(report.actual(), report.expected()));
    }
    return root;
  }
}
