package io.migrationsafety.alembic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.migrationsafety.alembic.internal.ModuleResolver;
import io.migrationsafety.alembic.internal.OpCall;
import io.migrationsafety.alembic.internal.RevisionModule;
import io.migrationsafety.alembic.internal.RevisionReader;
import io.migrationsafety.alembic.internal.Translation;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.sql.ScriptReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real Alembic corpora nobody here wrote: the revisions Debian ships in python3-neutron (126) and
 * python3-octavia (90), with the libraries they take constants from (python3-neutron-lib,
 * python3-octavia-lib), downloaded with {@code apt-get download} and unpacked into
 * {@code target/corpus} at test time. Skipped, saying why, where apt-get or dpkg-deb is missing or
 * the download fails.
 */
class AlembicCorpusTest {

  private static final Path ROOT = Path.of("target/corpus/root");
  private static final Path SITE = ROOT.resolve("usr/lib/python3/dist-packages");

  @BeforeAll
  static void unpack() throws IOException, InterruptedException {
    if (Files.exists(ROOT.resolve(".unpacked"))) {
      return;
    }
    Path debs = Files.createDirectories(Path.of("target/corpus/debs"));
    int download = run(debs, "apt-get", "download", "python3-neutron", "python3-neutron-lib", "python3-octavia",
        "python3-octavia-lib");
    assumeTrue(download == 0, "skipped: apt-get download of the Debian packages failed or apt-get is missing");
    try (Stream<Path> files = Files.list(debs)) {
      for (Path deb : files.filter(p -> p.toString().endsWith(".deb")).toList()) {
        assumeTrue(run(debs, "dpkg-deb", "-x", deb.toAbsolutePath().toString(), ROOT.toAbsolutePath().toString()) == 0,
            "skipped: dpkg-deb cannot unpack " + deb);
      }
    }
    Files.writeString(ROOT.resolve(".unpacked"), "");
  }

  private static int run(Path directory, String... command) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(10, TimeUnit.MINUTES) ? p.exitValue() : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  private static Path versions(String project) {
    return SITE.resolve(project).resolve("db/migration/alembic_migrations/versions");
  }

  @ParameterizedTest
  @CsvSource({"neutron, 126, 0.99", "octavia, 90, 0.99"})
  void reads_every_revision_and_types_the_op_calls(String project, int revisions, double floor) {
    Path versions = versions(project);
    MigrationSet set = new AlembicFormat().read(versions);
    assertThat(set.migrations()).hasSize(revisions);

    List<OpCall> calls = new ArrayList<>();
    Map<String, Boolean> sites = new HashMap<>();
    Map<String, String> untyped = new java.util.TreeMap<>();
    AlembicFormat.Project read = AlembicFormat.Project.read(versions);
    read.translate((id, upgrade, downgrade) -> {
      Path file = read.graph().revision(id).file();
      for (Translation t : new Translation[] {upgrade, downgrade}) {
        if (t == null) {
          continue;
        }
        assertTypedStatementsParse(t, file, t.calls());
        for (OpCall c : t.calls()) {
          calls.add(c);
          sites.merge(file + ":" + c.line() + ":" + c.name(), c.typed(), Boolean::logicalAnd);
          if (!c.typed()) {
            untyped.putIfAbsent(versions.relativize(file) + ":" + c.line(), c.unresolved());
          }
        }
      }
    });
    long typed = calls.stream().filter(OpCall::typed).count();
    long typedSites = sites.values().stream().filter(b -> b).count();
    double share = (double) typed / calls.size();
    System.out.printf(Locale.ROOT, "%s: %d op.* calls run, %d typed (%.1f%%); %d call sites, %d typed (%.1f%%)%n",
        project, calls.size(), typed, 100 * share, sites.size(), typedSites, 100.0 * typedSites / sites.size());
    untyped.forEach((site, reason) -> System.out.println("  not typed: " + site + ": " + reason));
    assertThat(share).isGreaterThanOrEqualTo(floor);
  }

  /**
   * Every statement written for an op.* call is typed; only placeholders for what was not
   * translated, and SQL that op.execute passes as written (MySQL's, in these corpora), may not be.
   */
  private static void assertTypedStatementsParse(Translation t, Path file, List<OpCall> calls) {
    java.util.Set<Integer> executeLines = new java.util.HashSet<>();
    calls.stream().filter(c -> c.name().equals("execute")).forEach(c -> executeLines.add(c.line()));
    for (ParsedStatement s : SqlParser.parse(t.sql(), file.toString()).statements()) {
      if (s.isUnrecognized() && !executeLines.contains(s.statement().line())) {
        assertThat(s.statement().text()).as(file + ":" + s.statement().line()).startsWith("unresolved");
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"neutron", "octavia"})
  void orders_revisions_as_alembic_does(String project) throws IOException {
    String why = PythonAlembic.unavailable();
    assumeTrue(why == null, () -> "skipped: " + why);
    Path versions = versions(project);
    List<String> args = new ArrayList<>();
    args.add(Path.of("src/test/resources/alembic/upgrade_order.py").toAbsolutePath().toString());
    List<Path> directories = new ArrayList<>();
    directories.add(versions);
    VersionFiles.list(versions).stream().map(Path::getParent).distinct().filter(d -> !d.equals(versions))
        .forEach(directories::add);
    directories.forEach(d -> args.add(d.toAbsolutePath().toString()));
    PythonAlembic.Result run = PythonAlembic.python(Path.of("."), args);
    assertThat(run.exit()).as(run.err()).isZero();

    List<String> alembic = run.out().lines().filter(l -> !l.isBlank()).toList();
    List<String> ours = new AlembicFormat().read(versions).migrations().stream().map(Migration::id).toList();
    assertThat(ours).containsExactlyElementsOf(alembic);
  }
}
