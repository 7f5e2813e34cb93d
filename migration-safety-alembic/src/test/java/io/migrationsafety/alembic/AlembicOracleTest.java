package io.migrationsafety.alembic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.Unrecognized;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The real Alembic is the oracle: for a project whose revisions use every operation and argument
 * the reader translates, {@code alembic upgrade heads --sql} must run the revisions in the order
 * the reader puts them, and its SQL must parse into the same operations as the reader's, revision
 * by revision, operation by operation.
 */
class AlembicOracleTest {

  static final Path PROJECT = Path.of("src/test/resources/alembic/oracle");

  @Test
  void operations_read_statically_match_what_alembic_emits_offline() throws IOException {
    String why = PythonAlembic.unavailable();
    assumeTrue(why == null, () -> "skipped: " + why);
    Path copy = copy(PROJECT, Path.of("target/oracle"));
    PythonAlembic.Result run = PythonAlembic.python(copy, List.of("-m", "alembic", "upgrade", "heads", "--sql"));
    assertThat(run.exit()).as(run.err()).isZero();
    Map<String, String> theirs = OfflineSql.byRevision(run.out());

    MigrationSet ours = new AlembicFormat().read(PROJECT);

    assertThat(ours.migrations()).extracting(Migration::id).containsExactlyElementsOf(theirs.keySet());
    for (Migration m : ours.migrations()) {
      List<Operation> expected = operations(theirs.get(m.id()), "alembic " + m.id());
      List<Operation> actual = new ArrayList<>(operations(m.upScript(), m.file().toString()));
      if (!m.transactional()) {
        // a revision with an autocommit block carries its own BEGIN … COMMIT; Alembic's offline
        // script has them once around all revisions
        assertThat(actual.get(0).toString()).startsWith("TransactionControl[action=BEGIN");
        assertThat(actual.get(actual.size() - 1).toString()).startsWith("TransactionControl[action=COMMIT");
        actual = actual.subList(1, actual.size() - 1);
      }
      assertThat(actual).as("revision " + m.id() + ":\n" + m.upScript() + "\n--- alembic ---\n" + theirs.get(m.id()))
          .isEqualTo(expected);
    }
  }

  @Test
  void downgrades_read_statically_match_what_alembic_emits_offline() throws IOException {
    String why = PythonAlembic.unavailable();
    assumeTrue(why == null, () -> "skipped: " + why);
    Path copy = copy(PROJECT, Path.of("target/oracle-down"));
    PythonAlembic.Result run = PythonAlembic.python(copy, List.of("-m", "alembic", "downgrade", "h8:base", "--sql"));
    assertThat(run.exit()).as(run.err()).isZero();
    Map<String, String> theirs = OfflineSql.byRevision(run.out());

    MigrationSet ours = new AlembicFormat().read(PROJECT);

    assertThat(theirs.keySet()).containsExactlyInAnyOrderElementsOf(
        ours.migrations().stream().map(Migration::id).toList());
    for (Migration m : ours.migrations()) {
      List<Operation> expected = operations(theirs.get(m.id()), "alembic " + m.id());
      List<Operation> actual = m.hasDownScript() ? operations(m.downScript(), m.file().toString()) : List.of();
      assertThat(actual).as("downgrade of " + m.id()).isEqualTo(expected);
    }
  }

  static List<Operation> operations(String sql, String file) {
    List<Operation> out = new ArrayList<>();
    for (ParsedStatement s : SqlParser.parse(sql, file).statements()) {
      out.addAll(s.operations());
    }
    assertThat(out).as(file + " reads fully").noneMatch(o -> o instanceof Unrecognized);
    return out;
  }

  static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return to;
  }
}
