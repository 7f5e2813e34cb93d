package io.migrationsafety.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bugs the corpus, the server and the properties found in the lexer and splitter, each pinned by
 * the input that showed it. The expected boundaries are PostgreSQL's (checked on the server by
 * {@link SplitterExecutesOnPostgresTest} where the input is valid SQL) and psql's.
 */
class SplitterRegressionTest {

  @Test
  void continues_an_escape_string_on_the_next_line_with_its_backslash_escapes() {
    // Was cut at the quoted semicolon: the continuation was read as a standard string, so \' ended it.
    String sql = "INSERT INTO s VALUES (E'one\\n'\n  'two\\'s; three');\nSELECT 2;";

    List<SqlStatement> statements = split(sql);

    assertThat(texts(statements)).containsExactly("INSERT INTO s VALUES (E'one\\n'\n  'two\\'s; three')", "SELECT 2");
    Token string = statements.get(0).tokens().get(5);
    assertThat(string.type()).isEqualTo(TokenType.STRING);
    assertThat(string.stringValue()).isEqualTo("one\ntwo's; three");
  }

  @Test
  void continues_a_string_after_comments_and_blank_lines_but_not_after_a_block_comment() {
    assertThat(texts(split("SELECT E'x' -- note\n\n  -- more\n  '\\'';\nSELECT 2;")))
        .containsExactly("SELECT E'x' -- note\n\n  -- more\n  '\\''", "SELECT 2");
    // scan.l allows only -- comments between the parts; after /* */ a new constant starts.
    assertThat(texts(split("SELECT 'a' /* c */\n'b';"))).containsExactly("SELECT 'a' /* c */\n'b'");
    assertThat(split("SELECT 'a' /* c */\n'b';").get(0).tokens()).extracting(Token::text)
        .containsExactly("SELECT", "'a'", "'b'");
    assertThat(Lexer.tokenize("SELECT U&'a'\r\n'\\0062', 'c'\n'd'", "x")).extracting(Token::text)
        .containsExactly("SELECT", "U&'a'\r\n'\\0062'", ",", "'c'\n'd'");
    assertThat(Lexer.tokenize("SELECT U&'a'\n'\\0062'", "x").get(1).stringValue()).isEqualTo("ab");
  }

  @Test
  void reads_the_data_after_a_psql_copy_from_stdin() {
    // The data line with its lone quote was lexed as SQL: "unterminated string constant".
    List<SqlStatement> pieces = split("\\copy m from stdin\n4\tfour; it's\n\\.\nSELECT 1;");

    assertThat(pieces).extracting(SqlStatement::kind).containsExactly(
        SqlStatement.Kind.PSQL_META_COMMAND, SqlStatement.Kind.COPY_DATA, SqlStatement.Kind.SQL);
    assertThat(pieces.get(1).text()).isEqualTo("4\tfour; it's\n\\.");
    assertThat(split("\\copy m from 'file.csv'\nSELECT 1;")).extracting(SqlStatement::kind)
        .containsExactly(SqlStatement.Kind.PSQL_META_COMMAND, SqlStatement.Kind.SQL);
    assertThat(split("\\copy m from pstdin\nSELECT 1;")).extracting(SqlStatement::kind)
        .containsExactly(SqlStatement.Kind.PSQL_META_COMMAND, SqlStatement.Kind.SQL);
  }

  @Test
  void reads_one_data_block_per_copy_from_stdin_on_the_same_line() {
    // psql runs both COPYs; each reads its own data up to \. — the second block was lexed as SQL.
    List<SqlStatement> pieces = split("COPY a FROM stdin; COPY b FROM stdin;\n1\n\\.\n'2\n\\.\nSELECT 3;");

    assertThat(pieces).extracting(SqlStatement::kind).containsExactly(SqlStatement.Kind.SQL,
        SqlStatement.Kind.SQL, SqlStatement.Kind.COPY_DATA, SqlStatement.Kind.COPY_DATA, SqlStatement.Kind.SQL);
    assertThat(pieces.get(3).text()).isEqualTo("'2\n\\.");
  }

  @Test
  void separates_statements_at_a_backslash_semicolon() {
    // psql's \; puts a ";" into the query: it was taken for a meta-command that ate the rest of the line.
    assertThat(texts(split("INSERT INTO m VALUES (2) \\; INSERT INTO m VALUES (3);\nSELECT 4;")))
        .containsExactly("INSERT INTO m VALUES (2)", "INSERT INTO m VALUES (3)", "SELECT 4");
    assertThat(Lexer.tokenize("SELECT a\\:b", "x")).extracting(Token::type).containsExactly(
        TokenType.IDENTIFIER, TokenType.IDENTIFIER, TokenType.COLON, TokenType.IDENTIFIER);
  }

  @Test
  void returns_to_sql_after_a_double_backslash_that_ends_a_meta_command() {
    // "\echo … \\ SELECT …" runs the SELECT in psql; it was swallowed into the meta-command.
    List<SqlStatement> pieces = split("\\echo 'it''s \\\\ quoted' done \\\\ SELECT count(*) FROM m;\n");

    assertThat(pieces).extracting(SqlStatement::kind)
        .containsExactly(SqlStatement.Kind.PSQL_META_COMMAND, SqlStatement.Kind.SQL);
    assertThat(texts(pieces)).containsExactly("\\echo 'it''s \\\\ quoted' done \\\\", "SELECT count(*) FROM m");
    assertThat(pieces.get(1).column()).isEqualTo(33);
  }

  @Test
  void starts_a_new_meta_command_at_a_single_backslash_and_keeps_whole_line_commands_whole() {
    assertThat(texts(split("\\set a 1 \\set b 2\n"))).containsExactly("\\set a 1 ", "\\set b 2");
    assertThat(texts(split("\\! echo a \\\\ SELECT 1;\n"))).containsExactly("\\! echo a \\\\ SELECT 1;");
    assertThat(texts(split("\\copy t to 'x' \\\\ SELECT 1;\n"))).containsExactly("\\copy t to 'x' \\\\ SELECT 1;");
    assertThat(texts(split("\\o | cat \\\\ SELECT 1;\n"))).containsExactly("\\o | cat \\\\ SELECT 1;");
    assertThat(texts(split("\\o out.txt \\\\ SELECT 1;\n"))).containsExactly("\\o out.txt \\\\", "SELECT 1");
    assertThat(texts(split("\\\\ SELECT 1;\n"))).containsExactly("\\\\ SELECT 1;");
  }

  @Test
  void discards_the_rest_of_the_line_after_an_unknown_meta_command_as_psql_does() {
    // Found by running random scripts through psql 15: "\'(1-e$$e" is an unknown command named
    // "'(1-e$$e", after which psql throws the whole line away, "\echo x \\ U&'" included.
    assertThat(texts(split("\\'(1-e$$e \\echo x \\\\ U&'\nSELECT 1;")))
        .containsExactly("\\'(1-e$$e \\echo x \\\\ U&'", "SELECT 1");
    assertThat(texts(split("\\foo \\\\ SELECT 1;\n"))).containsExactly("\\foo \\\\ SELECT 1;");
    assertThat(texts(split("\\dt+ x \\\\ SELECT 1;\n"))).containsExactly("\\dt+ x \\\\", "SELECT 1");
    assertThat(split("\\COPY m FROM STDIN\n1\n\\.\n")).extracting(SqlStatement::kind)
        .containsExactly(SqlStatement.Kind.PSQL_META_COMMAND, SqlStatement.Kind.COPY_DATA);
  }

  @Test
  void ends_a_number_at_a_failed_exponent_so_the_dashes_after_it_are_no_comment() {
    // scan.l reads "1e-" as one (bad) token: the next "-" is an operator, not the start of "--".
    assertThat(texts(split("SELECT 1e--;\nSELECT 2;"))).containsExactly("SELECT 1e--", "SELECT 2");
    assertThat(Lexer.tokenize("1e+ 1e5 1.5e-3x .5", "x")).extracting(Token::text)
        .containsExactly("1e+", "1e5", "1.5e-3x", ".5");
  }

  @Test
  void does_not_count_a_key_word_glued_to_a_number_in_a_begin_atomic_body() {
    // "1end" is one token (integer_junk) to psql, not "1" and END: the body was closed too early.
    String sql = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1end; END;\nSELECT 2;";

    assertThat(texts(split(sql))).containsExactly(
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1end; END", "SELECT 2");
    assertThat(Lexer.tokenize("$1abc 0x1Fg 1_000end", "x")).extracting(Token::text)
        .containsExactly("$1abc", "0x1Fg", "1_000end");
  }

  @Test
  void opens_a_routine_body_only_at_begin_atomic_and_ignores_labels_named_case_or_end() {
    // psql counts every BEGIN and END word: "AS begin" merged the next statement into this one,
    // "AS end" cut the body short. The server reads them as labels (begin_atomic_labels.sql).
    assertThat(texts(split("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1 AS begin; END;\nSELECT 2;")))
        .containsExactly("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1 AS begin; END", "SELECT 2");
    assertThat(texts(split("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT t.end FROM t; END;")))
        .containsExactly("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT t.end FROM t; END");
    assertThat(texts(split("CREATE FUNCTION begin() RETURNS int LANGUAGE sql RETURN 7;\nSELECT 2;")))
        .containsExactly("CREATE FUNCTION begin() RETURNS int LANGUAGE sql RETURN 7", "SELECT 2");
    assertThat(texts(split("create procedure p() begin /* body */ atomic select case when true then 1 end as case; end;\nselect 2;")))
        .containsExactly("create procedure p() begin /* body */ atomic select case when true then 1 end as case; end", "select 2");
  }

  @Test
  void rejects_a_nul_byte_anywhere_with_its_position() {
    // NUL bytes inside comments and meta-commands were let through.
    assertThatThrownBy(() -> split("SELECT 1; -- a\0b\n"))
        .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
          assertThat(e.line()).isEqualTo(1);
          assertThat(e.column()).isEqualTo(15);
          assertThat(e.problem()).contains("NUL byte");
        });
    assertThatThrownBy(() -> split("SELECT 1;\n/* x\n  \0 */"))
        .isInstanceOfSatisfying(SqlSyntaxException.class, e -> assertThat(e.getMessage()).startsWith("x.sql:3:3: NUL byte"));
    assertThatThrownBy(() -> split("\\echo \0\n"))
        .isInstanceOfSatisfying(SqlSyntaxException.class, e -> assertThat(e.getMessage()).startsWith("x.sql:1:7: NUL byte"));
  }

  private static List<SqlStatement> split(String sql) {
    return SqlSplitter.split(sql, "x.sql").statements();
  }

  private static List<String> texts(List<SqlStatement> statements) {
    return statements.stream().map(SqlStatement::text).toList();
  }
}
