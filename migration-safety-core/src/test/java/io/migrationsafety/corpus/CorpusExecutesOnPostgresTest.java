package io.migrationsafety.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.migrationsafety.corpus.Corpus.CorpusScript;
import io.migrationsafety.sql.SqlScript;
import io.migrationsafety.sql.SqlSplitter;
import io.migrationsafety.sql.SqlStatement;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * Runs the scripts that build each corpus's schema on a fresh PostgreSQL 16 database, one statement
 * at a time exactly as {@link SqlSplitter} cut them: if the splitter put a boundary in the wrong
 * place, the server rejects the piece. Where a corpus ships a drop script, it runs after the create
 * scripts and must leave nothing behind.
 *
 * <p>Upgrade chains are not run: they start from old schema versions that a fresh database does not
 * have. Chains that start from an empty database (JobRunr, Conductor) are
 * run whole.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusExecutesOnPostgresTest {

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
   * How a corpus's tool builds its schema.
   *
   * @param corpus the corpus
   * @param setup statements the tool runs itself before the first script
   * @param transactionPerScript whether the tool runs each script in one transaction
   * @param dropsAll whether the last scripts drop everything the first ones created
   * @param patterns which scripts to run, in the order the tool runs them: each pattern must match
   *     exactly one script of the corpus; {@code ".*"} is the whole corpus in version order
   */
  record Plan(Corpus corpus, List<String> setup, boolean transactionPerScript, boolean dropsAll,
      List<String> patterns) {

    static Plan of(Corpus corpus, boolean dropsAll, String... patterns) {
      return new Plan(corpus, List.of(), false, dropsAll, List.of(patterns));
    }

    @Override
    public String toString() {
      return corpus.label();
    }
  }

  static Stream<Plan> plans() {
    return Stream.of(
        Plan.of(Corpus.CAMUNDA, true,
            // DbSqlSession's order: the engine first, the parts with foreign keys to it after.
            "db/create/activiti\\.postgres\\.create\\.engine\\.sql",
            "db/create/activiti\\.postgres\\.create\\.history\\.sql",
            "db/create/activiti\\.postgres\\.create\\.identity\\.sql",
            "db/create/activiti\\.postgres\\.create\\.case\\.engine\\.sql",
            "db/create/activiti\\.postgres\\.create\\.case\\.history\\.sql",
            "db/create/activiti\\.postgres\\.create\\.decision\\.engine\\.sql",
            "db/create/activiti\\.postgres\\.create\\.decision\\.history\\.sql",
            "db/drop/activiti\\.postgres\\.drop\\.decision\\.history\\.sql",
            "db/drop/activiti\\.postgres\\.drop\\.decision\\.engine\\.sql",
            "db/drop/activiti\\.postgres\\.drop\\.case\\.history\\.sql",
            "db/drop/activiti\\.postgres\\.drop\\.case\\.engine\\.sql",
            "db/drop/activiti\\.postgres\\.drop\\.identity\\.sql",
            "db/drop/activiti\\.postgres\\.drop\\.history\\.sql",
            "db/drop/activiti\\.postgres\\.drop\\.engine\\.sql"),
        Plan.of(Corpus.FLOWABLE, true,
            // The common tables (properties, byte arrays, shared services) come first.
            "org/flowable/common/db/create/flowable\\.postgres\\.create\\.common\\.sql",
            "org/flowable/db/create/flowable\\.postgres\\.create\\.engine\\.sql",
            "org/flowable/db/create/flowable\\.postgres\\.create\\.history\\.sql",
            "org/flowable/idm/db/create/flowable\\.postgres\\.create\\.identity\\.sql",
            "org/flowable/idm/db/drop/flowable\\.postgres\\.drop\\.identity\\.sql",
            "org/flowable/db/drop/flowable\\.postgres\\.drop\\.history\\.sql",
            "org/flowable/db/drop/flowable\\.postgres\\.drop\\.engine\\.sql",
            "org/flowable/common/db/drop/flowable\\.postgres\\.drop\\.common\\.sql"),
        Plan.of(Corpus.QUARTZ, false, "tables_postgres\\.sql"),
        Plan.of(Corpus.JOBRUNR, false, ".*"),
        Plan.of(Corpus.SPRING_BATCH, true,
            "core/schema-postgresql\\.sql",
            "core/schema-drop-postgresql\\.sql"),
        Plan.of(Corpus.CONDUCTOR, false, ".*"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void create_scripts_run_clean_statement_by_statement(Plan plan) throws SQLException {
    Corpus corpus = plan.corpus();
    List<CorpusScript> scripts = scriptsOf(corpus, plan.patterns());
    String database = "corpus_" + corpus.name().toLowerCase(Locale.ROOT);
    try (Connection admin = postgres.getPostgresDatabase().getConnection();
         Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database);
      statement.execute("CREATE DATABASE " + database);
    }
    int executed = 0;
    try (Connection connection = postgres.getDatabase("postgres", database).getConnection()) {
      for (String sql : plan.setup()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute(sql);
        }
      }
      for (CorpusScript script : scripts) {
        connection.setAutoCommit(!plan.transactionPerScript());
        executed += run(connection, script);
        if (plan.transactionPerScript()) {
          connection.commit();
        }
      }
      connection.setAutoCommit(true);
      if (plan.dropsAll()) {
        assertThat(userRelations(connection))
            .as("relations left after the drop scripts of %s", corpus.label())
            .isEmpty();
      } else {
        assertThat(userRelations(connection)).as("relations %s created", corpus.label()).isNotEmpty();
      }
    }
    System.out.printf(Locale.ROOT, "%s: %d scripts, %d statements ran on PostgreSQL%n",
        corpus.label(), scripts.size(), executed);
  }

  private static List<CorpusScript> scriptsOf(Corpus corpus, List<String> patterns) {
    if (patterns.equals(List.of(".*"))) {
      // A migration chain from an empty database: all of it, in version order.
      assertThat(corpus.scripts()).isNotEmpty();
      return corpus.scripts();
    }
    List<CorpusScript> scripts = new ArrayList<>();
    for (String pattern : patterns) {
      Pattern p = Pattern.compile("(.*/)?" + pattern);
      List<CorpusScript> matching = corpus.scripts().stream()
          .filter(s -> p.matcher(s.path()).matches())
          .toList();
      assertThat(matching).as("scripts of %s matching %s", corpus.label(), pattern).hasSize(1);
      scripts.add(matching.get(0));
    }
    return scripts;
  }

  private static int run(Connection connection, CorpusScript script) {
    SqlScript split = SqlSplitter.split(script.text(), script.name());
    int executed = 0;
    for (SqlStatement s : split.statements()) {
      if (s.kind() != SqlStatement.Kind.SQL) {
        fail("%s:%d: a %s in a script meant for a JDBC driver", script.name(), s.line(), s.kind());
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute(s.text());
        executed++;
      } catch (SQLException e) {
        fail("%s:%d: PostgreSQL rejected the statement as split:%n%s%n%s",
            script.name(), s.line(), s.text(), e.getMessage());
      }
    }
    return executed;
  }

  private static List<String> userRelations(Connection connection) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT c.relname FROM pg_class c"
             + " JOIN pg_namespace n ON n.oid = c.relnamespace"
             + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')"
             + " ORDER BY c.relname")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }
}
