package io.migrationsafety.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against psql itself, the reference for where a script's statements end: random
 * scripts built from the fragments that matter to the lexer are run by a real psql on embedded
 * PostgreSQL, psql logs every query it sends ({@code -L}), and those queries must be the SQL
 * statements of the splitter, in order.
 *
 * <p>Opt-in, because psql is not a Maven artifact: set {@code MIGRATION_SAFETY_TEST_PSQL} to a psql
 * binary (15 or later: older ones lex {@code 1end} as two tokens). Run with psql 15 on 3,000 such
 * scripts, the splitter agreed on every one.
 *
 * <p>Left out, because there the splitter differs from psql on purpose: {@code \;} (psql sends both
 * sides as one query; they are two commands); BEGIN without ATOMIC, and CASE or END used as a
 * label, in a CREATE FUNCTION or PROCEDURE (psql's word counting takes them for a body's bounds,
 * the server does not); a meta-command inside a statement (psql keeps the
 * statement going around it); scripts with an unterminated quote or comment (psql sends what it
 * has; the splitter reports the error); and an {@code E'…'} string over several lines, which psql
 * may read differently when it is continued on another line: psql
 * scans a script line by line without the line breaks, never sees the continuation, and cuts
 * {@code SELECT E'a'} / {@code '\';'} at the quoted semicolon, a statement the server then rejects
 * as unterminated. The splitter follows the server there.
 */
@EnabledIfEnvironmentVariable(named = "MIGRATION_SAFETY_TEST_PSQL", matches = ".+")
class PsqlAgreementTest {

  /** How many scripts are compared, and from which seed: {@code -Dpsql.scripts=…}, {@code -Dpsql.seed=…}. */
  private static final int SCRIPTS = Integer.getInteger("psql.scripts", 1000);

  private static final long SEED = Long.getLong("psql.seed", 23);

  /** No {@code \;}, {@code \:}, and no meta-command that writes files, runs programs or waits for input. */
  private static final List<String> FRAGMENTS = List.of(
      "'", "''", "\"", "\"\"", "$$", "$a$", "$_$", "$1", "a$b", "$", "/*", "*/", "--", ";", ";;",
      "\\echo ", "\\echo x \\\\ ", "\\\\", "\\'", "\\foo ", "\\dt x ", "\\set v 'a\\\\b' ", "\\qecho \"a\\\\b\" ",
      "\n", "\r\n", "E'", "e'", "\\'", "U&'", "U&\"", "B'", "X'", "N'", "(", ")", "[", "]", " ", "\t",
      "x", "1", "1e", "1e-", ".", "..", "::", ":=", "+-", "begin", "BEGIN ATOMIC", "end", "END", "case",
      "create function f() ", "CREATE OR REPLACE PROCEDURE p() ", "select ", "ü", "😀",
      "\nCOPY t FROM stdin;\nx;'\t$$\t/*\n\\.\n", "\n\\copy t from stdin\n'a\tb;\tc\n\\.\n",
      "copy t from stdin; copy t from stdin;\n1\t2\t3\n\\.\n4\t5\t6\n\\.\n");

  private static final String CHARS = "abeEU$_ '\";/*-\n\t()&.019";

  @TempDir
  Path dir;

  @Test
  void splits_random_scripts_where_psql_sends_them() throws Exception {
    String psql = System.getenv("MIGRATION_SAFETY_TEST_PSQL");
    Random random = new Random(SEED);
    List<String> disagreements = new ArrayList<>();
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
        st.execute("CREATE TABLE t (a text, b text, c text)");
      }
      int compared = 0;
      for (int n = 0; compared < SCRIPTS; n++) {
        String script = randomScript(random);
        List<String> ours = ourStatements(script);
        if (ours == null) {
          continue;
        }
        compared++;
        List<String> theirs = psqlQueries(psql, postgres.getPort(), script, n);
        if (!theirs.equals(ours)) {
          disagreements.add("script " + n + ": " + show(script) + "\n  splitter: " + show(ours) + "\n  psql:     " + show(theirs));
        }
      }
    }
    assertThat(disagreements).as("scripts split differently from psql").isEmpty();
  }

  private static String randomScript(Random random) {
    StringBuilder sb = new StringBuilder();
    int parts = random.nextInt(40);
    for (int i = 0; i < parts; i++) {
      if (random.nextInt(3) == 0) {
        for (int k = 1 + random.nextInt(4); k > 0; k--) {
          sb.append(CHARS.charAt(random.nextInt(CHARS.length())));
        }
      } else {
        sb.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
      }
    }
    return sb.toString();
  }

  /** The splitter's SQL statements, normalized; null for a script left out (see the class comment). */
  private static List<String> ourStatements(String script) {
    List<SqlStatement> pieces;
    try {
      pieces = SqlSplitter.split(script, "random.sql").statements();
    } catch (SqlSyntaxException e) {
      return null;
    }
    List<String> statements = new ArrayList<>();
    for (int i = 0; i < pieces.size(); i++) {
      SqlStatement s = pieces.get(i);
      if (s.kind() == SqlStatement.Kind.PSQL_META_COMMAND && i > 0
          && pieces.get(i - 1).kind() == SqlStatement.Kind.SQL && !pieces.get(i - 1).terminated()) {
        return null;
      }
      if (s.tokens().stream().anyMatch(t -> t.type() == TokenType.STRING
          && (t.text().startsWith("E") || t.text().startsWith("e")) && t.text().matches("(?s).*'[^']*[\r\n].*'.*"))) {
        return null;
      }
      if (countsBlockWordsDifferentlyFromPsql(s.tokens())) {
        return null;
      }
      if (s.kind() == SqlStatement.Kind.SQL && !normalize(s.text()).isEmpty()) {
        statements.add(normalize(s.text()));
      }
    }
    return statements;
  }

  /**
   * Whether the statement holds a word psql counts as opening or closing a routine body where the
   * server's grammar does not: BEGIN without ATOMIC after it, CASE or END after AS or a dot.
   */
  private static boolean countsBlockWordsDifferentlyFromPsql(List<Token> tokens) {
    // psql's test looks at the first four identifiers, whatever stands between them.
    List<String> head = tokens.stream().filter(t -> t.type() == TokenType.IDENTIFIER).limit(4)
        .map(t -> t.text().toLowerCase(Locale.ROOT)).toList();
    boolean routine = head.size() >= 2 && head.get(0).equals("create")
        && (head.get(1).equals("function") || head.get(1).equals("procedure")
            || (head.size() == 4 && head.get(1).equals("or") && head.get(2).equals("replace")
                && (head.get(3).equals("function") || head.get(3).equals("procedure"))));
    for (int i = 0; routine && i < tokens.size(); i++) {
      Token t = tokens.get(i);
      Token previous = i > 0 ? tokens.get(i - 1) : null;
      boolean label = previous != null && (previous.is("as") || previous.type() == TokenType.DOT);
      if ((t.is("begin") && (i + 1 == tokens.size() || !tokens.get(i + 1).is("atomic")))
          || ((t.is("case") || t.is("end")) && label)) {
        return true;
      }
    }
    return false;
  }

  /** The queries psql sent, from its {@code -L} log, normalized. */
  private List<String> psqlQueries(String psql, int port, String script, int n) throws IOException, InterruptedException {
    Path file = dir.resolve("s" + n + ".sql");
    Path log = dir.resolve("s" + n + ".log");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    ProcessBuilder pb = new ProcessBuilder(psql, "-X", "-q", "-h", "localhost", "-p", String.valueOf(port),
        "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_ROLLBACK=on",
        "-f", file.toString(), "-L", log.toString(), "-o", "/dev/null");
    pb.environment().put("PAGER", "cat");
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process process = pb.start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("psql did not finish on " + show(script));
    }
    String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    String banner = "********* QUERY **********\n";
    String end = "\n**************************\n\n";
    List<String> queries = new ArrayList<>();
    for (int at = text.indexOf(banner); at >= 0; at = text.indexOf(banner, at)) {
      int stop = text.indexOf(end, at);
      String query = normalize(text.substring(at + banner.length(), stop));
      // psql runs \copy as a COPY query of its own making: not a statement of the script.
      if (!query.isEmpty() && !query.equals("COPY  t FROM STDIN")) {
        queries.add(query);
      }
      at = stop + end.length();
    }
    return queries;
  }

  /**
   * Without what psql and the splitter keep differently but the server ignores: leading comments
   * and whitespace, the final semicolon, trailing whitespace, and blank lines (psql drops empty
   * lines outside quotes).
   */
  private static String normalize(String query) {
    String t = query;
    for (String before = null; !t.equals(before); ) {
      before = t;
      t = t.replaceFirst("^[ \\t\\n\\r\\f]+", "");
      if (t.startsWith("--")) {
        t = t.replaceFirst("^--[^\\n\\r]*", "");
      } else if (t.startsWith("/*")) {
        int depth = 0;
        int i = 0;
        while (i < t.length()) {
          if (t.startsWith("/*", i)) {
            depth++;
            i += 2;
          } else if (t.startsWith("*/", i)) {
            depth--;
            i += 2;
            if (depth == 0) {
              break;
            }
          } else {
            i++;
          }
        }
        t = t.substring(i);
      }
    }
    t = t.replaceFirst("[ \\t\\n\\r\\f]+$", "");
    if (t.endsWith(";")) {
      t = t.substring(0, t.length() - 1);
    }
    return t.replaceFirst("[ \\t\\n\\r\\f]+$", "").replaceAll("\n[ \\t\\f]*(?=\n)", "");
  }

  private static String show(Object o) {
    return String.valueOf(o).replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
  }
}
