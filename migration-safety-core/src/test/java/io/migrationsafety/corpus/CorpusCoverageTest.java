package io.migrationsafety.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.corpus.Corpus.CorpusScript;
import io.migrationsafety.operation.Unrecognized;
import io.migrationsafety.parse.ParsedScript;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.sql.SourceSpan;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Parses every script of every {@link Corpus} and measures how much of it the parser understands.
 *
 * <p>The report (a table per corpus, then the unrecognized statements grouped by reason and by
 * head) goes to standard output and, in full, to {@code target/corpus-coverage.txt}. The always-on
 * tests hold what must be true today: the corpora are all there, every script splits, nothing
 * throws. The 99% coverage bar is the goal the parser families work towards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusCoverageTest {

  /** The share of statements of each corpus that must become typed operations, in percent. */
  private static final double REQUIRED_COVERAGE = 99.0;

  private final Map<Corpus, List<ParsedScript>> parsed = new EnumMap<>(Corpus.class);
  private final List<String> failures = new ArrayList<>();
  private final CoverageReport report = new CoverageReport();

  @BeforeAll
  void parse_every_corpus() {
    for (Corpus corpus : Corpus.values()) {
      List<ParsedScript> scripts = new ArrayList<>();
      for (CorpusScript script : corpus.scripts()) {
        try {
          ParsedScript result = SqlParser.parse(script.text(), script.name());
          scripts.add(result);
          report.add(corpus, result);
        } catch (RuntimeException e) {
          // SqlSyntaxException (cannot split) or a bug: either way the script is lost to the review.
          failures.add(script.name() + ": " + e);
        }
      }
      parsed.put(corpus, scripts);
    }
  }

  @Test
  void every_corpus_has_at_least_the_scripts_it_has_today() {
    for (Corpus corpus : Corpus.values()) {
      assertThat(corpus.scripts())
          .as("scripts of %s found on the test classpath", corpus.label())
          .hasSizeGreaterThanOrEqualTo(corpus.minimumScripts());
    }
  }

  @Test
  void every_script_splits_and_parses_without_throwing() {
    assertThat(failures).as("scripts that could not be split or parsed").isEmpty();
  }

  @Test
  void every_statement_is_the_exact_source_text_of_its_span() {
    List<String> wrong = new ArrayList<>();
    parsed.values().forEach(scripts -> scripts.forEach(script -> {
      for (ParsedStatement s : script.statements()) {
        SourceSpan span = s.statement().span();
        String atSpan = script.source().substring(span.start().offset(), span.end().offset());
        if (!atSpan.equals(s.statement().text()) || s.statement().text().isBlank()) {
          wrong.add(script.file() + ":" + s.statement().line());
        }
      }
    }));
    assertThat(wrong).as("statements whose text is not their span of the source").isEmpty();
  }

  @Test
  void no_statement_hits_an_internal_parser_error() {
    // The dispatcher turns an exception of a parser family into Unrecognized, so that a review
    // never stops; on these corpora such an exception is a bug to fix, not a statement to skip.
    List<String> errors = new ArrayList<>();
    parsed.values().forEach(scripts -> scripts.forEach(script -> {
      for (ParsedStatement s : script.statements()) {
        s.operations().stream()
            .filter(o -> o instanceof Unrecognized u && u.reason().startsWith("internal parser error"))
            .forEach(o -> errors.add(script.file() + ":" + s.statement().line() + ": "
                + ((Unrecognized) o).reason()));
      }
    }));
    assertThat(errors).as("statements on which a parser family threw").isEmpty();
  }

  @Test
  void reports_coverage() throws IOException {
    System.out.println("Corpus coverage of SqlParser (full report: target/corpus-coverage.txt)");
    System.out.println(report.render(15));
    Path file = targetDirectory().resolve("corpus-coverage.txt");
    Files.writeString(file, report.render(-1), StandardCharsets.UTF_8);
    assertThat(report.total().statements()).isPositive();
  }

  @Test
  void every_corpus_is_at_least_99_percent_typed_operations() {
    for (Corpus corpus : Corpus.values()) {
      assertThat(report.tally(corpus).coverage())
          .as("%% of the statements of %s that became typed operations (%s); see target/corpus-coverage.txt",
              corpus.label(), report.tally(corpus))
          .isGreaterThanOrEqualTo(REQUIRED_COVERAGE);
    }
  }

  /** {@code target/}, found from where this class was compiled to ({@code target/test-classes}). */
  private static Path targetDirectory() {
    try {
      return Path.of(CorpusCoverageTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
