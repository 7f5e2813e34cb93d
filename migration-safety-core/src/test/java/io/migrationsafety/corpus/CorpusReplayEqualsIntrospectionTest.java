package io.migrationsafety.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.corpus.Corpus.CorpusScript;
import io.migrationsafety.database.ModelFacts;
import io.migrationsafety.database.SchemaIntrospector;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.replay.SchemaReplayer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN.md's promise on real corpora: the create scripts of Camunda, Flowable and Quartz are run on
 * PostgreSQL 16 and replayed, and the introspected model equals the replayed one on tables, columns,
 * constraints, indexes, types and sequences (expression text aside: see
 * {@code ReplayEqualsIntrospectionTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusReplayEqualsIntrospectionTest {

  private EmbeddedPostgres postgres;

  @BeforeAll
  void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  static Stream<Arguments> corpora() {
    return Stream.of(
        Arguments.of(Corpus.CAMUNDA, List.of("engine", "history", "identity", "case\\.engine", "case\\.history",
            "decision\\.engine", "decision\\.history").stream()
            .map(p -> "db/create/activiti\\.postgres\\.create\\." + p + "\\.sql").toList()),
        Arguments.of(Corpus.FLOWABLE, List.of(
            "org/flowable/common/db/create/flowable\\.postgres\\.create\\.common\\.sql",
            "org/flowable/db/create/flowable\\.postgres\\.create\\.engine\\.sql",
            "org/flowable/db/create/flowable\\.postgres\\.create\\.history\\.sql",
            "org/flowable/idm/db/create/flowable\\.postgres\\.create\\.identity\\.sql")),
        Arguments.of(Corpus.QUARTZ, List.of("tables_postgres\\.sql")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpora")
  void replay_equals_introspection(Corpus corpus, List<String> patterns) throws SQLException {
    String database = "introspect_" + corpus.name().toLowerCase(Locale.ROOT);
    try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement st = admin.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + database);
      st.execute("CREATE DATABASE " + database);
    }
    Schema replayed = Schema.empty();
    try (Connection c = postgres.getDatabase("postgres", database).getConnection(); Statement st = c.createStatement()) {
      for (String pattern : patterns) {
        Pattern p = Pattern.compile("(.*/)?" + pattern);
        CorpusScript script = corpus.scripts().stream().filter(s -> p.matcher(s.path()).matches()).findFirst()
            .orElseThrow(() -> new AssertionError("no script " + pattern + " in " + corpus.label()));
        for (ParsedStatement statement : SqlParser.parse(script.text(), script.name()).statements()) {
          st.execute(statement.statement().text());
          for (Operation op : statement.operations()) {
            replayed = SchemaReplayer.apply(replayed, op, "public").after();
          }
        }
      }
      Schema introspected = SchemaIntrospector.introspect(c).schema().withExtension("plpgsql", false);
      assertThat(introspected.tables()).isNotEmpty();
      assertThat(ModelFacts.differences(replayed, introspected, false)).isEmpty();
    }
  }
}
