package io.migrationsafety.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden-file parser tests: every {@code src/test/resources/sql/<area>/<case>.sql} is parsed and
 * its statements' operations must equal {@code <case>.expected}, as rendered by
 * {@link OperationPrinter}. Each case also runs with CRLF line ends, which must change nothing.
 *
 * <p>To write the expected file of a new case, run with {@code -Dgolden.update=true} and read
 * what it wrote before committing it: the file is the assertion.
 */
class ParserGoldenTest {

  private static final Path ROOT = root();

  static Stream<Arguments> cases() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      List<Arguments> cases = new ArrayList<>();
      files.filter(p -> p.toString().endsWith(".sql")).sorted().forEach(p -> {
        String name = ROOT.relativize(p).toString();
        cases.add(Arguments.of(name, p, false));
        cases.add(Arguments.of(name + " (CRLF)", p, true));
      });
      return cases.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parses_as_expected(String name, Path sqlFile, boolean crlf) throws IOException {
    String sql = Files.readString(sqlFile, StandardCharsets.UTF_8);
    if (crlf) {
      sql = sql.replace("\r\n", "\n").replace("\n", "\r\n");
    }
    String actual = render(SqlParser.parse(sql, name));
    if (crlf) {
      // Text kept as written (bodies, queries) keeps its CRLF; positions must not change.
      actual = actual.replace("\\r\\n", "\\n");
    }
    Path expectedFile = Path.of(sqlFile.toString().replaceAll("\\.sql$", ".expected"));
    if (!crlf && Boolean.getBoolean("golden.update")) {
      Path source = Path.of("src/test/resources/sql").resolve(ROOT.relativize(expectedFile));
      Files.writeString(source, actual, StandardCharsets.UTF_8);
    }
    assertThat(expectedFile).as("expected file of %s", name).exists();
    assertThat(actual).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
  }

  static String render(ParsedScript script) {
    StringBuilder sb = new StringBuilder();
    for (ParsedStatement s : script.statements()) {
      sb.append('@').append(s.statement().line()).append(':').append(s.statement().column());
      if (s.statement().kind() != io.migrationsafety.sql.SqlStatement.Kind.SQL) {
        sb.append(' ').append(s.statement().kind());
      }
      sb.append('\n');
      s.operations().forEach(o -> sb.append("  ").append(OperationPrinter.print(o)).append('\n'));
    }
    return sb.toString();
  }

  private static Path root() {
    try {
      return Path.of(ParserGoldenTest.class.getResource("/sql").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
