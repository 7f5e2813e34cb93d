package io.migrationsafety.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.parse.SqlParser;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.statistics.StatisticsReport.StatisticsReportMode;

/**
 * Properties of the front end on inputs nobody wrote by hand: arbitrary strings, strings built
 * from the fragments that matter to a SQL lexer, and corpus scripts with random characters
 * deleted, duplicated or inserted. 11,000 tries in all, each property with a fixed seed, so every
 * run checks the same inputs.
 *
 * <ul>
 *   <li>{@link SqlParser#parse(String, String)} returns, or throws {@link SqlSyntaxException} naming
 *       the file and a line and column inside the input: never any other exception or error;
 *   <li>where an input splits, its statements in span order, with the gaps between them, give back
 *       the input exactly, and every gap is only whitespace, comments and semicolons.
 * </ul>
 */
class SplitterProperties {

  private static final List<CorpusScript> CORPUS = CorpusScript.allWithLineEndVariants();

  /** The pieces that decide where tokens begin and end, and some ordinary ones. */
  private static final List<String> FRAGMENTS = List.of(
      "'", "''", "\"", "\"\"", "$$", "$a$", "$_$", "$1", "a$b", "$", "/*", "*/", "--", ";", ";;",
      "\\", "\\;", "\\:", "\\\\", "\\.", "\\copy t from stdin", "\\echo ", "\\! ", "\\set x '1'",
      "\n", "\r\n", "\r", "\n\\.\n", "E'", "e'", "\\'", "U&'", "U&\"", "UESCAPE", "B'", "X'", "N'",
      "(", ")", "[", "]", " ", "\t", "\f", "x", "1", "1e", "1e-", "0x", ".", "..", "::", ":=", "+-",
      "begin", "BEGIN ATOMIC", "end", "END", "case", "create function f() ", "CREATE OR REPLACE PROCEDURE p() ",
      "copy t from stdin", "COPY t FROM STDIN;", "select ", "ü", "😀", "\uD800");

  @Property(tries = 3000, seed = "4201")
  @StatisticsReport(StatisticsReportMode.OFF)
  void parsing_any_string_returns_or_throws_a_syntax_error(@ForAll String source) {
    parsesOrFailsCleanly(source);
  }

  @Property(tries = 3000, seed = "4202")
  @StatisticsReport(StatisticsReportMode.OFF)
  void parsing_sql_fragments_returns_or_throws_a_syntax_error(@ForAll("sqlFragments") String source) {
    parsesOrFailsCleanly(source);
  }

  @Property(tries = 2500, seed = "4203")
  @StatisticsReport(StatisticsReportMode.OFF)
  void parsing_a_mutated_corpus_script_returns_or_throws_a_syntax_error(@ForAll("mutatedCorpus") String source) {
    parsesOrFailsCleanly(source);
  }

  @Property(tries = 1500, seed = "4204")
  @StatisticsReport(StatisticsReportMode.OFF)
  void statements_and_gaps_give_back_sql_fragments_exactly(@ForAll("sqlFragments") String source) {
    rebuildsExactly(source);
  }

  @Property(tries = 1000, seed = "4205")
  @StatisticsReport(StatisticsReportMode.OFF)
  void statements_and_gaps_give_back_mutated_corpus_scripts_exactly(@ForAll("mutatedCorpus") String source) {
    rebuildsExactly(source);
  }

  @Provide
  Arbitrary<String> sqlFragments() {
    Arbitrary<String> fragment = Arbitraries.oneOf(
        Arbitraries.of(FRAGMENTS),
        Arbitraries.strings().withChars("abeEU$_ '\";\\/*-\n\r\t()&.:019").ofMaxLength(4));
    return fragment.list().ofMaxSize(40).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<String> mutatedCorpus() {
    Arbitrary<Mutation> mutation = Combinators.combine(
        Arbitraries.of(MutationKind.class),
        Arbitraries.doubles().between(0, 1),
        Arbitraries.oneOf(Arbitraries.of('\'', '"', '$', ';', '\\', '/', '*', '-', '\n', '\r', '(', ')', 'E', '&', '.'),
            Arbitraries.chars()))
        .as(Mutation::new);
    return Combinators.combine(Arbitraries.of(CORPUS), mutation.list().ofMinSize(1).ofMaxSize(4))
        .as((script, mutations) -> {
          String source = script.source();
          for (Mutation m : mutations) {
            source = m.applyTo(source);
          }
          return source;
        });
  }

  private static void parsesOrFailsCleanly(String source) {
    try {
      int statements = SqlParser.parse(source, "x.sql").statements().size();
      Statistics.collect(statements == 0 ? "no statement" : "parsed");
    } catch (SqlSyntaxException e) {
      Statistics.collect("syntax error");
      assertThat(e.file()).isEqualTo("x.sql");
      assertThat(e.getMessage()).startsWith("x.sql:" + e.line() + ":" + e.column() + ": ");
      assertPointsIntoSource(source, e.line(), e.column());
    }
  }

  private static void rebuildsExactly(String source) {
    SqlScript script;
    try {
      script = SqlSplitter.split(source, "x.sql");
    } catch (SqlSyntaxException e) {
      Statistics.collect("not split");
      return;
    }
    Statistics.collect("split");
    StringBuilder rebuilt = new StringBuilder(source.length());
    int at = 0;
    for (SqlStatement s : script.statements()) {
      assertThat(s.text()).isEqualTo(source.substring(s.span().start().offset(), s.span().end().offset()));
      String gap = source.substring(at, s.span().start().offset());
      assertOnlySeparators(gap);
      rebuilt.append(gap).append(s.text());
      at = s.span().end().offset();
    }
    String tail = source.substring(at);
    assertOnlySeparators(tail);
    rebuilt.append(tail);
    assertThat(rebuilt.toString()).isEqualTo(source);
    Statistics.coverage(checker -> checker.check("split").percentage(p -> p >= 20));
  }

  private static void assertOnlySeparators(String gap) {
    assertThat(Lexer.tokenize(gap, "gap")).as("tokens between statements: %s", gap)
        .allSatisfy(t -> assertThat(t.type() == TokenType.SEMICOLON || t.type().isComment()).isTrue());
  }

  /** The line exists, and the column is at most one past its last character. */
  private static void assertPointsIntoSource(String source, int line, int column) {
    int lineStart = 0;
    for (int l = 1; l < line; l++) {
      int lf = source.indexOf('\n', lineStart);
      int cr = source.indexOf('\r', lineStart);
      int end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      assertThat(end).as("line %d of the input", line).isNotNegative();
      lineStart = end + (source.startsWith("\r\n", end) ? 2 : 1);
    }
    int lineEnd = lineStart;
    while (lineEnd < source.length() && source.charAt(lineEnd) != '\n' && source.charAt(lineEnd) != '\r') {
      lineEnd++;
    }
    assertThat(column).as("column on line %d", line).isBetween(1, lineEnd - lineStart + 1);
  }

  enum MutationKind { DELETE, DUPLICATE, INSERT }

  record Mutation(MutationKind kind, double where, char inserted) {
    String applyTo(String source) {
      if (source.isEmpty()) {
        return kind == MutationKind.INSERT ? String.valueOf(inserted) : source;
      }
      int at = Math.min(source.length() - 1, (int) (where * source.length()));
      return switch (kind) {
        case DELETE -> source.substring(0, at) + source.substring(at + 1);
        case DUPLICATE -> source.substring(0, at + 1) + source.substring(at);
        case INSERT -> source.substring(0, at) + inserted + source.substring(at);
      };
    }
  }
}
