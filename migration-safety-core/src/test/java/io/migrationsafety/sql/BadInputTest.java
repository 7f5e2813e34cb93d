package io.migrationsafety.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.migrationsafety.parse.SqlParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Input that is not a good script fails cleanly: a {@link SqlSyntaxException} that names the file,
 * line and column where the problem starts, or, for input that is merely huge or deeply nested, a
 * result. Nothing hangs (the timeouts are a hang guard, far above the time these take, never a
 * speed assertion) and nothing overflows the stack.
 */
class BadInputTest {

  /** A hang guard only: these inputs take well under a second each. */
  private static final Duration HANG_GUARD = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  @Test
  void a_binary_file_is_a_syntax_error_naming_the_file_line_and_column() throws IOException {
    byte[] bytes = new byte[64 * 1024];
    new Random(20240501L).nextBytes(bytes);
    Path file = dir.resolve("V1__binary.sql");
    Files.write(file, bytes);

    assertThatThrownBy(() -> SqlParser.parse(file)).isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
      assertThat(e.file()).isEqualTo(file.toString());
      assertThat(e.line()).isPositive();
      assertThat(e.column()).isPositive();
      assertThat(e.getMessage()).startsWith(file + ":" + e.line() + ":" + e.column() + ": ")
          .containsAnyOf("invalid UTF-8", "NUL byte");
    });
  }

  @Test
  void a_binary_file_that_happens_to_be_valid_utf8_is_refused_at_its_first_nul_byte() throws IOException {
    byte[] bytes = new byte[64 * 1024];
    Random random = new Random(42);
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (1 + random.nextInt(127));
    }
    bytes[3000] = 0;
    bytes[5000] = 0;
    Path file = dir.resolve("V2__ascii_binary.sql");
    Files.write(file, bytes);
    String text = new String(bytes, 0, 3000, StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> SqlParser.parse(file)).isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
      assertThat(e.file()).isEqualTo(file.toString());
      assertThat(e.line() + ":" + e.column()).isEqualTo(endOf(text));
      assertThat(e.problem()).contains("NUL byte").contains("binary");
    });
  }

  /** The bytes are written in hex; the position is that of the first bad byte, columns in UTF-16 units. */
  @ParameterizedTest(name = "{3}")
  @CsvSource(delimiter = '|', value = {
      "53454C45435420313B0A53454C4543542027636166C3273B0A | 2 | 12 | a lead byte without its continuation",
      "2D2D20C3A9F09F9880FF0A                             | 1 |  7 | 0xFF after a two-unit emoji",
      "53454C45435420313B0D0A53454C45435420323B20E282     | 2 | 11 | a sequence cut short by the end of the file",
      "EFBBBF53454C45435420C0AF                           | 1 |  8 | an overlong encoding after a byte-order mark",
      "53454C454354202745445A2720EDA080                    | 1 | 14 | an encoded surrogate",
      "FFFE530045004C00450043005400                       | 1 |  1 | a UTF-16 file",
  })
  void invalid_utf8_is_an_error_at_the_line_and_column_of_the_bad_byte(String hex, int line, int column, String what)
      throws IOException {
    Path file = dir.resolve("V3__latin1.sql");
    Files.write(file, HexFormat.of().parseHex(hex.strip()));

    assertThatThrownBy(() -> ScriptReader.read(file)).isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
      assertThat(e.file()).isEqualTo(file.toString());
      assertThat(e.line() + ":" + e.column()).isEqualTo(line + ":" + column);
      assertThat(e.getMessage()).startsWith(file + ":" + line + ":" + column + ": invalid UTF-8");
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "string constant            | SELECT 1;\\n  SELECT 'abc;\\nSELECT 2;             | 2 | 10 | unterminated string constant",
      "quoted identifier          | SELECT \"abc;\\n                                  | 1 |  8 | unterminated quoted identifier",
      "escape string              | SELECT 1;\\nSELECT E'it\\\\'s;\\n                  | 2 |  8 | unterminated string constant",
      "continued string           | SELECT 'a'\\n  'b;                                | 1 |  8 | unterminated string constant",
      "bit string                 | SELECT B'01;                                     | 1 |  8 | unterminated string constant",
      "Unicode string             | SELECT 1; SELECT U&'x;                           | 1 | 18 | unterminated Unicode string constant",
      "Unicode quoted identifier  | SELECT U&\"x;                                     | 1 |  8 | unterminated Unicode quoted identifier",
      "dollar quote               | SELECT 1;\\n\\nDO $body$ BEGIN END $bod$;\\n      | 3 |  4 | unterminated dollar-quoted string (missing closing $body$)",
      "nested comment             | SELECT 1; /* /* */ SELECT 2;                     | 1 | 11 | unterminated /* comment",
      "comment after a statement  | SELECT 1;\\n\\t/* a /* b */ c                     | 2 |  2 | unterminated /* comment",
  })
  void an_unterminated_construct_is_an_error_at_its_start(String what, String sql, int line, int column, String problem) {
    String source = sql.strip().replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\");
    for (String variant : List.of(source, source.replace("\n", "\r\n"))) {
      assertThatThrownBy(() -> SqlParser.parse(variant, "V4__broken.sql"))
          .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
            assertThat(e.line() + ":" + e.column()).as(what).isEqualTo(line + ":" + column);
            assertThat(e.getMessage()).startsWith("V4__broken.sql:" + line + ":" + column + ": " + problem);
          });
    }
  }

  @Test
  void ten_megabytes_of_corpus_statements_split_and_parse() {
    List<CorpusScript> corpus = CorpusScript.all();
    StringBuilder sb = new StringBuilder(11 << 20);
    int repetitions = 0;
    while (sb.length() < 10 << 20) {
      for (CorpusScript script : corpus) {
        sb.append(script.source()).append(";\n"); // the last statement of a script may lack its semicolon
      }
      repetitions++;
    }
    String source = sb.toString();
    int statementsPerRound = corpus.stream().mapToInt(CorpusScript::statements).sum();
    int copyDataPerRound = corpus.stream().mapToInt(CorpusScript::copyData).sum();

    SqlScript script = assertTimeoutPreemptively(HANG_GUARD, () -> SqlSplitter.split(source, "big.sql"));
    assertThat(script.statements().stream().filter(s -> s.kind() == SqlStatement.Kind.SQL).count())
        .isEqualTo((long) statementsPerRound * repetitions);
    assertThat(script.statements().stream().filter(s -> s.kind() == SqlStatement.Kind.COPY_DATA).count())
        .isEqualTo((long) copyDataPerRound * repetitions);
    assertThat(assertTimeoutPreemptively(HANG_GUARD, () -> SqlParser.parse(source, "big.sql")).statements())
        .hasSameSizeAs(script.statements());
  }

  @Test
  void ten_megabytes_of_copy_data_are_one_piece() {
    String rows = "1\tsome text; with 'quotes' and $$\n".repeat(300_000);
    String source = "COPY t FROM stdin;\n" + rows + "\\.\nSELECT 1;";

    List<SqlStatement> pieces = assertTimeoutPreemptively(HANG_GUARD, () -> SqlSplitter.split(source, "copy.sql")).statements();

    assertThat(pieces).extracting(SqlStatement::kind).containsExactly(
        SqlStatement.Kind.SQL, SqlStatement.Kind.COPY_DATA, SqlStatement.Kind.SQL);
    assertThat(pieces.get(1).text()).hasSize(rows.length() + 2);
    assertThat(pieces.get(2).line()).isEqualTo(300_003);
  }

  @Test
  void a_hundred_thousand_nested_parentheses_neither_hang_nor_overflow_the_stack() {
    String source = "SELECT " + "(".repeat(100_000) + "1;" + ")".repeat(100_000) + ";\nSELECT 2;";

    SqlScript script = assertTimeoutPreemptively(HANG_GUARD, () -> SqlSplitter.split(source, "parens.sql"));
    assertThat(script.statements()).hasSize(2);
    assertThat(script.statements().get(1).text()).isEqualTo("SELECT 2");
    assertThat(assertTimeoutPreemptively(HANG_GUARD, () -> SqlParser.parse(source, "parens.sql")).statements()).hasSize(2);
    // Never closed: psql reads on to the end of the input, and so does the splitter.
    assertThat(assertTimeoutPreemptively(HANG_GUARD, () -> SqlParser.parse("SELECT " + "(".repeat(100_000) + ";", "open.sql"))
        .statements()).hasSize(1);
  }

  @Test
  void a_hundred_thousand_nested_comments_neither_hang_nor_overflow_the_stack() {
    String nested = "/*".repeat(100_000) + " ; ' \" $$ " + "*/".repeat(100_000);

    SqlScript script = assertTimeoutPreemptively(HANG_GUARD, () -> SqlSplitter.split(nested + "SELECT 1;", "comments.sql"));
    assertThat(script.statements()).extracting(SqlStatement::text).containsExactly("SELECT 1");
    assertThat(assertTimeoutPreemptively(HANG_GUARD, () -> SqlParser.parse(nested + "SELECT 1;", "comments.sql"))
        .statements()).hasSize(1);
    String unclosed = "SELECT 1;\n" + nested.substring(0, nested.length() - 2);
    assertThatThrownBy(() -> assertTimeoutPreemptively(HANG_GUARD, () -> SqlSplitter.split(unclosed, "comments.sql")))
        .isInstanceOfSatisfying(SqlSyntaxException.class, e -> assertThat(e.getMessage())
            .startsWith("comments.sql:2:1: unterminated /* comment"));
  }

  @Test
  void a_ten_megabyte_dollar_quoted_string_is_one_token() {
    String body = "a;'\"/*--\\$b$\n".repeat(800_000);
    String source = "SELECT $body$" + body + "$body$;\nSELECT 2;";

    SqlScript script = assertTimeoutPreemptively(HANG_GUARD, () -> SqlSplitter.split(source, "dollar.sql"));
    assertThat(script.statements()).hasSize(2);
    assertThat(script.statements().get(0).tokens()).extracting(Token::type)
        .containsExactly(TokenType.IDENTIFIER, TokenType.DOLLAR_STRING);
    assertThat(script.statements().get(1).line()).isEqualTo(800_002);
    assertThatThrownBy(() -> assertTimeoutPreemptively(HANG_GUARD,
        () -> SqlSplitter.split("SELECT $body$" + body, "dollar.sql")))
        .isInstanceOfSatisfying(SqlSyntaxException.class, e -> assertThat(e.getMessage())
            .startsWith("dollar.sql:1:8: unterminated dollar-quoted string"));
  }

  @Test
  void a_megabyte_of_semicolons_is_no_statement() {
    String source = ";".repeat(1 << 20);

    assertThat(assertTimeoutPreemptively(HANG_GUARD, () -> SqlParser.parse(source, "semis.sql")).statements()).isEmpty();
    assertThat(assertTimeoutPreemptively(HANG_GUARD, () -> SqlParser.parse(source + "SELECT 1" + source, "semis.sql"))
        .statements()).hasSize(1);
  }

  @Test
  void a_hundred_thousand_begin_atomic_levels_neither_hang_nor_overflow_the_stack() {
    String source = "CREATE FUNCTION f() RETURNS int LANGUAGE sql " + "BEGIN ATOMIC SELECT CASE WHEN true THEN 1 ".repeat(100_000)
        + ";" + " END; END".repeat(100_000) + ";\nSELECT 2;";

    assertThat(assertTimeoutPreemptively(HANG_GUARD, () -> SqlParser.parse(source, "atomic.sql")).statements()).hasSize(2);
  }

  /** Line and column just past {@code text}, counting CR LF, LF and CR as line ends. */
  private static String endOf(String text) {
    SourcePosition end = SourcePosition.START.advance(text);
    return end.line() + ":" + end.column();
  }
}
