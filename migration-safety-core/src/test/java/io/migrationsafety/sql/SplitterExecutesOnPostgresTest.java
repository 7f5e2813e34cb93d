package io.migrationsafety.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.PGConnection;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.CachedQuery;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.ResultHandlerBase;

/**
 * Proves on a real PostgreSQL 16 that the splitter cuts every corpus script exactly where the
 * server's own grammar puts command boundaries.
 *
 * <p>Each statement the splitter produces is sent alone, on a fresh database per script:
 * <ul>
 *   <li>a statement cut too early is incomplete, and the server rejects it with a syntax error;
 *   <li>a statement cut too late holds two commands, and the server completes two commands for
 *       it: every execution must complete exactly one (counted from the server's CommandComplete
 *       messages, see {@link #commandTags});
 *   <li>the number of statements must equal the number the script states in its header, so that
 *       nothing is lost or invented.
 * </ul>
 * {@code COPY … FROM stdin} statements (and psql's {@code \copy … from stdin}) get their data
 * piece through pgjdbc's {@link org.postgresql.copy.CopyManager}; other psql meta-commands are
 * psql's, not the server's, and are skipped. The scripts end with {@code DO} blocks whose
 * {@code ASSERT}s check on the server that strings and COPY rows arrived intact.
 *
 * <p>Connections use {@code preferQueryMode=simple}. In its default (extended) mode pgjdbc cuts a
 * plain statement's text at semicolons with its own lexer, to send each part as a separate
 * protocol message, and that lexer does not know that an {@code E'…'} string continues across a
 * line break: it cut {@code E'one\n'} / {@code 'two\'s; three'} at the quoted semicolon. (It did
 * keep {@code BEGIN ATOMIC … END} bodies whole.) In simple mode the driver does not split a plain
 * statement at all (pgjdbc's {@code CachedQueryCreateAction} splits only in extended mode or for
 * parameterized SQL): the text goes to the server as one Query message, the server alone finds the
 * command boundaries, and it completes each command with its own CommandComplete message.
 */
class SplitterExecutesOnPostgresTest {

  private static final AtomicInteger DATABASES = new AtomicInteger();

  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  static List<CorpusScript> scripts() {
    return CorpusScript.allWithLineEndVariants();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void every_statement_runs_alone_as_exactly_one_postgres_command(CorpusScript script) throws SQLException {
    List<SqlStatement> pieces = SqlSplitter.split(script.source(), script.name()).statements();

    assertThat(count(pieces, SqlStatement.Kind.SQL)).as("SQL statements of %s", script).isEqualTo(script.statements());
    assertThat(count(pieces, SqlStatement.Kind.COPY_DATA)).as("COPY data blocks of %s", script).isEqualTo(script.copyData());
    assertThat(count(pieces, SqlStatement.Kind.PSQL_META_COMMAND)).as("meta-commands of %s", script)
        .isEqualTo(script.metaCommands());

    String database = "corpus_" + DATABASES.incrementAndGet();
    try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement st = admin.createStatement()) {
      st.execute("CREATE DATABASE " + database);
    }
    try (Connection connection = DriverManager.getConnection(
        postgres.getJdbcUrl("postgres", database) + "&preferQueryMode=simple")) {
      run(script, pieces, connection);
    } finally {
      try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement st = admin.createStatement()) {
        st.execute("DROP DATABASE " + database + " WITH (FORCE)");
      }
    }
  }

  /**
   * What the lexer makes of each string constant and quoted identifier of the corpus is what
   * PostgreSQL makes of it: {@code SELECT <string>} returns {@link Token#stringValue()}, and
   * {@code SELECT 1 AS <identifier>} is labelled {@link Token#identifier()}. Bit strings are left
   * out (their value is bits, not text), and so are {@code U&} constants with a {@code UESCAPE}
   * clause, which is a token of its own that the value methods do not see.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void every_string_and_quoted_identifier_has_the_value_postgres_gives_it(CorpusScript script) throws SQLException {
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    try (Connection connection = connect(); Statement st = connection.createStatement()) {
      st.setEscapeProcessing(false);
      for (SqlStatement s : SqlSplitter.split(script.source(), script.name()).statements()) {
        List<Token> tokens = s.tokens();
        for (int i = 0; i < tokens.size(); i++) {
          Token t = tokens.get(i);
          boolean uescape = i + 1 < tokens.size() && tokens.get(i + 1).is("uescape");
          String first = t.text().substring(0, 1).toUpperCase(java.util.Locale.ROOT);
          if ((t.type() == TokenType.STRING || t.type() == TokenType.DOLLAR_STRING) && !uescape
              && !first.equals("B") && !first.equals("X")) {
            try (var rs = st.executeQuery("SELECT " + t.text())) {
              rs.next();
              checked++;
              if (!rs.getString(1).equals(t.stringValue())) {
                mismatches.add(t.text() + " is " + rs.getString(1) + " to PostgreSQL, " + t.stringValue() + " to the lexer");
              }
            }
          } else if (t.type() == TokenType.QUOTED_IDENTIFIER && !uescape) {
            try (var rs = st.executeQuery("SELECT 1 AS " + t.text())) {
              checked++;
              if (!rs.getMetaData().getColumnLabel(1).equals(t.identifier())) {
                mismatches.add(t.text() + " is " + rs.getMetaData().getColumnLabel(1) + " to PostgreSQL, "
                    + t.identifier() + " to the lexer");
              }
            }
          }
        }
      }
    }
    assertThat(mismatches).as("values in %s (%d checked)", script, checked).isEmpty();
  }

  /** The instrument itself: two commands sent as one statement are seen as two. */
  @Test
  void two_commands_sent_as_one_statement_are_seen_as_two() throws SQLException {
    try (Connection connection = connect()) {
      assertThat(commandTags(connection, "SELECT 1; SELECT 2")).containsExactly("SELECT 1", "SELECT 1");
      assertThat(commandTags(connection, "CREATE TEMP TABLE merged (a int); INSERT INTO merged VALUES (1)"))
          .containsExactly("CREATE TABLE", "INSERT 0 1");
      assertThat(commandTags(connection, "CREATE PROCEDURE pass() LANGUAGE sql BEGIN ATOMIC END")).hasSize(1);
      assertThat(commandTags(connection, "CALL pass(); SELECT 1")).containsExactly("CALL", "SELECT 1");
      assertThat(commandTags(connection, "SELECT ';'")).containsExactly("SELECT 1");
      // An E'' string continues across a line break: one command, not cut at the quoted semicolon.
      assertThat(commandTags(connection, "SELECT E'a'\n'\\';'")).containsExactly("SELECT 1");
      assertThat(commandTags(connection, "DROP PROCEDURE pass()")).hasSize(1);
    }
  }

  /** The instrument itself: a statement cut inside a BEGIN ATOMIC body is a syntax error. */
  @Test
  void a_begin_atomic_body_cut_at_its_first_semicolon_is_a_syntax_error() throws SQLException {
    try (Connection connection = connect()) {
      assertThatThrownBy(() -> commandTags(connection,
          "CREATE FUNCTION cut() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("syntax error at end of input");
    }
  }

  /** The driver sends a BEGIN ATOMIC statement whole: the server stores both body statements. */
  @Test
  void the_driver_sends_a_begin_atomic_statement_whole() throws SQLException {
    try (Connection connection = connect()) {
      assertThat(commandTags(connection,
          "CREATE FUNCTION whole() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END"))
          .containsExactly("CREATE FUNCTION");
      try (Statement st = connection.createStatement();
           var rs = st.executeQuery("SELECT whole(), pg_get_functiondef('whole'::regproc)")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(2);
        assertThat(rs.getString(2)).contains("SELECT 1;").contains("SELECT 2;");
      }
      try (Statement st = connection.createStatement()) {
        st.execute("DROP FUNCTION whole()");
      }
    }
  }

  private static void run(CorpusScript script, List<SqlStatement> pieces, Connection connection) {
    for (int i = 0; i < pieces.size(); i++) {
      SqlStatement piece = pieces.get(i);
      SqlStatement data = i + 1 < pieces.size() && pieces.get(i + 1).kind() == SqlStatement.Kind.COPY_DATA
          ? pieces.get(i + 1) : null;
      String where = script.name() + ":" + piece.line() + ":" + piece.column();
      try {
        switch (piece.kind()) {
          case SQL -> {
            if (data != null) {
              copyIn(connection, piece.text(), data);
              i++;
            } else {
              assertThat(commandTags(connection, piece.text()))
                  .as("commands the server found in the statement at %s:%n%s", where, piece.text())
                  .hasSize(1);
            }
          }
          case PSQL_META_COMMAND -> {
            // Only psql's \copy … from stdin has data in the script; psql runs it as COPY … FROM STDIN.
            if (data != null) {
              assertThat(piece.text()).as("meta-command before COPY data at %s", where).startsWithIgnoringCase("\\copy ");
              copyIn(connection, piece.text().substring(1), data);
              i++;
            }
          }
          case COPY_DATA -> fail("COPY data at %s follows no COPY … FROM stdin", where);
        }
      } catch (SQLException | IOException e) {
        throw new AssertionError("PostgreSQL rejected the statement at " + where
            + " (cut in the wrong place?):\n" + piece.text() + "\n→ " + e.getMessage(), e);
      }
    }
  }

  /**
   * Sends {@code sql} as one simple-protocol Query message and returns the command tags the
   * server answered with: one CommandComplete (or EmptyQueryResponse) per command it found.
   *
   * <p>Not the JDBC {@code execute}/{@code getMoreResults}/{@code getUpdateCount} loop: pgjdbc
   * reports the result of {@code CALL} as update count -1, which that loop cannot tell from "no
   * more results", so {@code CALL p(); SELECT 1} would count as zero results and the merge would go
   * unseen. The driver's own {@link QueryExecutor} hands every command's status to a handler.
   */
  private static List<String> commandTags(Connection connection, String sql) throws SQLException {
    QueryExecutor executor = connection.unwrap(BaseConnection.class).getQueryExecutor();
    // Not parameterized, on a preferQueryMode=simple connection: pgjdbc leaves the text whole.
    CachedQuery query = executor.createQuery(sql, false, false);
    List<String> tags = new ArrayList<>();
    executor.execute(query.query, query.query.createParameterList(), new ResultHandlerBase() {
      @Override
      public void handleCommandStatus(String status, long updateCount, long insertOid) {
        tags.add(status);
      }

      @Override
      public void handleWarning(SQLWarning warning) {
        // RAISE NOTICE and the like: not a command
      }
    }, 0, 0, QueryExecutor.QUERY_EXECUTE_AS_SIMPLE | QueryExecutor.QUERY_SUPPRESS_BEGIN
        | QueryExecutor.QUERY_BOTH_ROWS_AND_STATUS);
    return tags;
  }

  private static void copyIn(Connection connection, String copy, SqlStatement data) throws SQLException, IOException {
    connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new StringReader(rows(data.text())));
  }

  /** The data lines without the closing {@code \.} line, which psql reads but does not send. */
  private static String rows(String data) {
    int lastBreak = Math.max(data.lastIndexOf('\n'), data.lastIndexOf('\r'));
    return data.substring(lastBreak + 1).equals("\\.") ? data.substring(0, lastBreak + 1) : data;
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres") + "&preferQueryMode=simple");
  }

  private static long count(List<SqlStatement> pieces, SqlStatement.Kind kind) {
    return pieces.stream().filter(p -> p.kind() == kind).count();
  }
}
