package io.migrationsafety.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migrationsafety.MigrationSafetyException;
import io.migrationsafety.Version;
import io.migrationsafety.format.NaturalOrder;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.Unrecognized;
import io.migrationsafety.parse.ParsedScript;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code migration-safety parse PATH…}: shows how each statement of SQL migration files was read —
 * where it starts, and the typed operations it became, or why it was not understood.
 */
@Command(name = "parse", mixinStandardHelpOptions = true,
    description = "Show the statements of SQL files and the operations each one performs.")
final class ParseCommand implements Callable<Integer> {

  enum Format { text, json }

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "SQL files, or directories searched for *.sql files.")
  private List<Path> paths;

  @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private Format format;

  @Option(names = "--fail-on-unrecognized", description = "Exit with 1 when any statement was not understood.")
  private boolean failOnUnrecognized;

  @Override
  public Integer call() {
    List<ParsedScript> scripts = new ArrayList<>();
    for (Path file : sqlFiles()) {
      scripts.add(SqlParser.parse(file));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      printJson(scripts, out);
    } else {
      printText(scripts, out);
    }
    long unrecognized = scripts.stream().mapToLong(ParsedScript::unrecognizedCount).sum();
    return failOnUnrecognized && unrecognized > 0 ? ExitCode.BLOCKED.code() : ExitCode.OK.code();
  }

  private List<Path> sqlFiles() {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> found = Files.walk(path)) {
          found.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".sql"))
              .sorted(Comparator.comparing(p -> path.relativize(p).toString(), NaturalOrder.INSTANCE))
              .forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new MigrationSafetyException(path + ": no such file or directory");
      }
    }
    if (files.isEmpty()) {
      throw new MigrationSafetyException("no .sql files in " + paths);
    }
    return files;
  }

  private static void printText(List<ParsedScript> scripts, PrintWriter out) {
    long statements = 0;
    long unrecognized = 0;
    for (ParsedScript script : scripts) {
      out.println(script.file());
      for (ParsedStatement s : script.statements()) {
        String at = String.format("%5d:%-3d ", s.statement().line(), s.statement().column());
        if (s.operations().isEmpty()) {
          out.println(at + "(COPY data)");
        }
        for (Operation o : s.operations()) {
          if (o instanceof Unrecognized u) {
            out.println(at + "NOT UNDERSTOOD  " + u.reason());
          } else {
            out.println(at + o.kind() + "  " + firstLine(s.statement().text()));
          }
        }
      }
      statements += script.statements().size();
      unrecognized += script.unrecognizedCount();
    }
    out.printf("%d file(s), %d statement(s), %d not understood%n", scripts.size(), statements, unrecognized);
  }

  private static String firstLine(String sql) {
    int eol = sql.indexOf('\n');
    String line = (eol < 0 ? sql : sql.substring(0, eol)).strip();
    return line.length() > 100 ? line.substring(0, 97) + "..." : line;
  }

  private static void printJson(List<ParsedScript> scripts, PrintWriter out) {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("tool", "migration-safety");
    root.put("version", Version.get());
    ArrayNode files = root.putArray("files");
    for (ParsedScript script : scripts) {
      ObjectNode file = files.addObject();
      file.put("file", script.file());
      file.put("statements", script.statements().size());
      file.put("unrecognized", script.unrecognizedCount());
      ArrayNode list = file.putArray("parsed");
      for (ParsedStatement s : script.statements()) {
        ObjectNode node = list.addObject();
        node.put("line", s.statement().line());
        node.put("column", s.statement().column());
        node.put("piece", s.statement().kind().name());
        node.put("sql", s.statement().text());
        ArrayNode ops = node.putArray("operations");
        for (Operation o : s.operations()) {
          ObjectNode op = ops.addObject();
          op.put("kind", o.kind().name());
          op.set("details", json.valueToTree(o));
        }
      }
    }
    try {
      out.println(json.writeValueAsString(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
