package io.migrationsafety.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.corpus.Corpus.CorpusScript;
import io.migrationsafety.sql.ScriptReader;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The evidence of DESIGN.md for rollbacks, on real corpora that ship forward and reverse scripts:
 * each create script runs on a real PostgreSQL in the order its tool runs it; before it runs for
 * good, its synthesized rollback and its tool's own drop script each run right after it, and the
 * schema PostgreSQL reports after is compared with the one before. Prints the figures.
 *
 * <p>Every synthesized rollback that the static check accepts must round-trip on PostgreSQL too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusRollbackRoundTripTest {

  private EmbeddedPostgres postgres;

  @BeforeAll
  void start_postgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  void stop_postgres() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  /**
   * A corpus's create scripts in its tool's order, each with the drop script its tool ships for it.
   *
   * @param label the corpus's name in the figures
   * @param steps the chain
   * @param badDropScripts the create scripts whose own drop script does not undo them, as found
   */
  record Chain(String label, List<ChainRoundTrip.Step> steps, List<String> badDropScripts) {
    @Override
    public String toString() {
      return label;
    }
  }

  static Stream<Chain> chains() {
    return Stream.of(
        chain("camunda", Corpus.CAMUNDA, "engine", "history", "identity", "case\\.engine", "case\\.history",
            "decision\\.engine", "decision\\.history"),
        new Chain("flowable", List.of(
            corpusStep(Corpus.FLOWABLE, "common/db/create/flowable\\.postgres\\.create\\.common\\.sql",
                "common/db/drop/flowable\\.postgres\\.drop\\.common\\.sql"),
            corpusStep(Corpus.FLOWABLE, "org/flowable/db/create/flowable\\.postgres\\.create\\.engine\\.sql",
                "org/flowable/db/drop/flowable\\.postgres\\.drop\\.engine\\.sql"),
            corpusStep(Corpus.FLOWABLE, "org/flowable/db/create/flowable\\.postgres\\.create\\.history\\.sql",
                "org/flowable/db/drop/flowable\\.postgres\\.drop\\.history\\.sql"),
            corpusStep(Corpus.FLOWABLE, "idm/db/create/flowable\\.postgres\\.create\\.identity\\.sql",
                "idm/db/drop/flowable\\.postgres\\.drop\\.identity\\.sql")),
            // The engine and history scripts add foreign keys and indexes to the common tables; their drop
            // scripts leave those to the common drop script, which drops the tables.
            List.of("flowable.postgres.create.engine.sql", "flowable.postgres.create.history.sql")),
        new Chain("quartz", List.of(corpusStep(Corpus.QUARTZ, "tables_postgres\\.sql", null)), List.of()),
        new Chain("spring-batch", List.of(corpusStep(Corpus.SPRING_BATCH, "core/schema-postgresql\\.sql",
            "core/schema-drop-postgresql\\.sql")), List.of()),
        new Chain("spring-session", List.of(new ChainRoundTrip.Step("schema-postgresql.sql",
            resource("org/springframework/session/jdbc/schema-postgresql.sql"),
            resource("org/springframework/session/jdbc/schema-drop-postgresql.sql"))), List.of()));
  }

  /** Camunda: {@code activiti.postgres.create.PART.sql} with {@code activiti.postgres.drop.PART.sql}. */
  private static Chain chain(String label, Corpus corpus, String... parts) {
    List<ChainRoundTrip.Step> steps = new ArrayList<>();
    for (String part : parts) {
      steps.add(corpusStep(corpus, "db/create/activiti\\.postgres\\.create\\." + part + "\\.sql",
          "db/drop/activiti\\.postgres\\.drop\\." + part + "\\.sql"));
    }
    return new Chain(label, steps, List.of());
  }

  private static ChainRoundTrip.Step corpusStep(Corpus corpus, String create, String drop) {
    CorpusScript up = one(corpus, create);
    return new ChainRoundTrip.Step(up.fileName(), up.text(), drop == null ? null : one(corpus, drop).text());
  }

  private static CorpusScript one(Corpus corpus, String pattern) {
    Pattern p = Pattern.compile("(.*/)?" + pattern);
    List<CorpusScript> matching = corpus.scripts().stream().filter(s -> p.matcher(s.path()).matches()).toList();
    assertThat(matching).as("scripts of %s matching %s", corpus.label(), pattern).hasSize(1);
    return matching.get(0);
  }

  private static String resource(String path) {
    try (InputStream in = CorpusRollbackRoundTripTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as("%s on the test class path", path).isNotNull();
      return ScriptReader.decode(in.readAllBytes(), path);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chains")
  void synthesized_rollbacks_and_drop_scripts_round_trip_on_postgres(Chain chain) throws SQLException {
    String database = "roundtrip_" + chain.label().replace('-', '_');
    ChainRoundTrip.Figures figures = ChainRoundTrip.run(chain.label(), postgres, database, chain.steps());
    System.out.println(figures);
    assertThat(figures.synthesizedFailures).as("synthesized rollbacks that do not round-trip").isEmpty();
    assertThat(figures.downScriptFailures.stream().map(f -> f.substring(0, f.indexOf(':'))))
        .as("drop scripts that do not undo their create script").containsExactlyElementsOf(chain.badDropScripts());
  }
}
