package io.migrationsafety.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spans of the corpus statements are exact: each statement's text is the source under its
 * span, spans follow each other, what lies between statements is only separators, and lines and
 * columns are what an editor shows, whatever the line ends.
 */
class SplitterSpanTest {

  static List<CorpusScript> scripts() {
    return CorpusScript.allWithLineEndVariants();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void every_statement_text_is_the_source_under_its_span(CorpusScript script) {
    for (SqlStatement s : split(script)) {
      assertThat(script.source().substring(s.span().start().offset(), s.span().end().offset()))
          .as("source under the span of statement %d of %s", s.index(), script).isEqualTo(s.text());
      assertThat(s.text()).as("statement %d of %s", s.index(), script).isNotEmpty();
      if (s.kind() == SqlStatement.Kind.SQL) {
        assertThat(s.text()).as("statement %d of %s", s.index(), script)
            .doesNotStartWith(" ").doesNotEndWith(" ").doesNotEndWith(";").doesNotEndWith("\n");
        assertThat(s.tokens()).isNotEmpty();
        assertThat(s.tokens().get(0).offset()).isEqualTo(s.span().start().offset());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void spans_strictly_increase_and_never_overlap(CorpusScript script) {
    List<SqlStatement> statements = split(script);
    for (int i = 0; i < statements.size(); i++) {
      SqlStatement s = statements.get(i);
      assertThat(s.index()).isEqualTo(i);
      assertThat(s.span().end().offset()).isGreaterThan(s.span().start().offset());
      if (i > 0) {
        SqlStatement previous = statements.get(i - 1);
        assertThat(s.span().start().offset()).as("start of statement %d of %s", i, script)
            .isGreaterThan(previous.span().start().offset())
            .isGreaterThanOrEqualTo(previous.span().end().offset());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void the_text_between_statements_is_only_comments_and_semicolons(CorpusScript script) {
    String source = script.source();
    int at = 0;
    for (SqlStatement s : split(script)) {
      assertSeparators(source.substring(at, s.span().start().offset()), script, at);
      at = s.span().end().offset();
    }
    assertSeparators(source.substring(at), script, at);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void lines_and_columns_are_those_an_editor_shows(CorpusScript script) {
    for (SqlStatement s : split(script)) {
      assertThat(editorPosition(script.source(), s.span().start().offset()))
          .as("start of statement %d of %s", s.index(), script).isEqualTo(s.line() + ":" + s.column());
      SourcePosition end = s.span().end();
      assertThat(editorPosition(script.source(), end.offset()))
          .as("end of statement %d of %s", s.index(), script).isEqualTo(end.line() + ":" + end.column());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void crlf_and_lf_line_ends_give_the_same_statements_at_the_same_lines_and_columns(CorpusScript script) {
    List<SqlStatement> lf = split(script.withLf());
    List<SqlStatement> crlf = split(script.withCrlf());

    assertThat(crlf).hasSameSizeAs(lf);
    for (int i = 0; i < lf.size(); i++) {
      SqlStatement a = lf.get(i);
      SqlStatement b = crlf.get(i);
      assertThat(b.kind()).isEqualTo(a.kind());
      assertThat(b.text().replace("\r\n", "\n")).isEqualTo(a.text());
      assertThat(b.span().start().toString()).as("start of statement %d of %s", i, script).isEqualTo(a.span().start().toString());
      assertThat(b.span().end().toString()).as("end of statement %d of %s", i, script).isEqualTo(a.span().end().toString());
      assertThat(b.tokens()).extracting(t -> t.line() + ":" + t.column())
          .isEqualTo(a.tokens().stream().map(t -> t.line() + ":" + t.column()).toList());
    }
  }

  /** Positions counted by hand in the corpus files (columns count UTF-16 code units, a tab counts one). */
  @ParameterizedTest(name = "{0} at {2}:{3}")
  @CsvSource(delimiter = '|', value = {
      "non_ascii.sql          | INSERT INTO café VALUES ('𝔘 |  7 | 43",
      "non_ascii.sql          | SELECT\tnaïve                 |  8 |  2",
      "psql_meta_commands.sql | INSERT INTO m VALUES (3       | 11 | 36",
      "psql_meta_commands.sql | \\echo the copy                | 15 |  1",
      "psql_meta_commands.sql | SELECT count(*) FROM m        | 15 | 27",
      "comments.sql           | SELECT 4                      | 20 | 30",
      "comments.sql           | CREATE TABLE c                |  8 |  1",
      "crlf_line_ends.sql     | SELECT count(*) --            | 14 |  1",
      "copy_stdin.sql         | 1\tsemi;colon                  |  9 |  1",
      "empty_statements.sql   | SELECT 5                      |  8 |  1",
      "empty_statements.sql   | SELECT 2                      |  3 | 12",
  })
  void statement_positions_match_a_hand_count(String file, String textStart, int line, int column) {
    CorpusScript script = CorpusScript.all().stream().filter(s -> s.name().equals(file)).findFirst().orElseThrow();
    String start = textStart.replace("\\t", "\t");
    for (CorpusScript variant : List.of(script.withLf(), script.withCrlf())) {
      SqlStatement s = split(variant).stream().filter(st -> st.text().startsWith(start)).findFirst().orElseThrow();
      assertThat(s.line() + ":" + s.column()).as("%s in %s", start, variant).isEqualTo(line + ":" + column);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "crlf_line_ends.sql | SELECT count(*) -- | 15 | 9",
      "non_ascii.sql      | SELECT naïve AS   | 11 | 49",
  })
  void statement_ends_match_a_hand_count(String file, String textStart, int line, int column) {
    CorpusScript script = CorpusScript.all().stream().filter(s -> s.name().equals(file)).findFirst().orElseThrow();
    for (CorpusScript variant : List.of(script.withLf(), script.withCrlf())) {
      SqlStatement s = split(variant).stream().filter(st -> st.text().startsWith(textStart)).findFirst().orElseThrow();
      assertThat(s.span().end().line() + ":" + s.span().end().column()).as("end of %s in %s", textStart, variant)
          .isEqualTo(line + ":" + column);
    }
  }

  private static List<SqlStatement> split(CorpusScript script) {
    return SqlSplitter.split(script.source(), script.name()).statements();
  }

  private static void assertSeparators(String gap, CorpusScript script, int offset) {
    assertThat(Lexer.tokenize(gap, "gap"))
        .as("tokens between statements of %s at offset %d: %s", script, offset, gap)
        .allSatisfy(t -> assertThat(t.type() == TokenType.SEMICOLON || t.type().isComment()).isTrue());
  }

  /**
   * Line and column of {@code offset} as an editor counts them, computed here independently of
   * {@link SourcePosition}: CR LF, LF and a lone CR each end a line.
   */
  private static String editorPosition(String source, int offset) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset; i++) {
      char c = source.charAt(i);
      if (c == '\r' && i + 1 < source.length() && source.charAt(i + 1) == '\n') {
        continue;
      }
      if (c == '\n' || c == '\r') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return line + ":" + column;
  }
}
