package io.migrationsafety.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tokens, not only boundaries: a quote closed and opened again splits a script at the same places
 * as a doubled quote, but it is another identifier or value. What scan.l makes one token is one
 * token here, with the value PostgreSQL gives it.
 */
class LexerTest {

  @Test
  void a_doubled_quote_stays_inside_its_identifier_or_string() {
    List<Token> tokens = Lexer.tokenize("\"a\"\"b\" 'it''s' U&\"x\"\"y\" E'q''r'", "x");

    assertThat(tokens).extracting(Token::type).containsExactly(TokenType.QUOTED_IDENTIFIER, TokenType.STRING,
        TokenType.QUOTED_IDENTIFIER, TokenType.STRING);
    assertThat(tokens.get(0).identifier()).isEqualTo("a\"b");
    assertThat(tokens.get(1).stringValue()).isEqualTo("it's");
    assertThat(tokens.get(2).identifier()).isEqualTo("x\"y");
    assertThat(tokens.get(3).stringValue()).isEqualTo("q'r");
  }

  @Test
  void a_prefixed_string_is_one_token_with_its_prefix() {
    assertThat(Lexer.tokenize("E'\\'' e'\\\\' B'01' x'1F' N'n' U&'\\0041' u&\"\\0061\" UESCAPE '!'", "x"))
        .extracting(Token::text)
        .containsExactly("E'\\''", "e'\\\\'", "B'01'", "x'1F'", "N'n'", "U&'\\0041'", "u&\"\\0061\"", "UESCAPE", "'!'");
    assertThat(Lexer.tokenize("E'\\'' U&'\\0041' u&\"\\0061\" e'a\\tb'", "x"))
        .extracting(t -> t.type() == TokenType.STRING ? t.stringValue() : t.identifier())
        .containsExactly("'", "A", "a", "a\tb");
  }

  @Test
  void a_prefix_letter_inside_a_word_is_part_of_the_word() {
    assertThat(Lexer.tokenize("tablE'x' fooU&'y' u&x", "x")).extracting(Token::text)
        .containsExactly("tablE", "'x'", "fooU", "&", "'y'", "u", "&", "x");
  }

  @Test
  void a_dollar_quote_keeps_its_tag_and_only_an_identical_tag_closes_it() {
    List<Token> tokens = Lexer.tokenize("$function$ $$ $body$ ; $function$ $_$x$_$ $$$$ $a$b$a$", "x");

    assertThat(tokens).extracting(Token::type).containsOnly(TokenType.DOLLAR_STRING);
    assertThat(tokens).extracting(Token::stringValue).containsExactly(" $$ $body$ ; ", "x", "", "b");
  }

  @Test
  void a_dollar_is_a_parameter_an_operator_or_part_of_an_identifier_when_no_tag_follows() {
    assertThat(Lexer.tokenize("a$b $1 $12x $ 1 $a x$$", "x")).extracting(t -> t.type() + ":" + t.text())
        .containsExactly("IDENTIFIER:a$b", "PARAMETER:$1", "PARAMETER:$12x", "OPERATOR:$", "NUMBER:1",
            "OPERATOR:$", "IDENTIFIER:a", "IDENTIFIER:x$$");
  }

  @Test
  void an_operator_stops_before_a_comment_and_drops_a_trailing_sign_unless_it_is_a_user_operator() {
    assertThat(Lexer.tokenize("2*/*c*/3 1+-- c\n=-1 @- ?| ||/ <=> !=-", "x")).extracting(Token::text)
        .containsExactly("2", "*", "/*c*/", "3", "1", "+", "-- c", "=", "-", "1", "@-", "?|", "||/", "<=>", "!=-");
  }

  @Test
  void numbers_take_their_exponent_underscores_prefixes_and_any_junk_glued_to_them() {
    assertThat(Lexer.tokenize("1 1.5 .5 2. 1e3 1E-3 1_000 0x1F 0o17 0b101 1..2 1e+ 1abc", "x")).extracting(Token::text)
        .containsExactly("1", "1.5", ".5", "2.", "1e3", "1E-3", "1_000", "0x1F", "0o17", "0b101", "1", "..", "2",
            "1e+", "1abc");
  }

  @Test
  void block_comments_nest_and_line_comments_end_at_any_line_break() {
    assertThat(Lexer.tokenize("/* a /* b */ c */x -- d\ry --e\r\nz", "x")).extracting(Token::text)
        .containsExactly("/* a /* b */ c */", "x", "-- d", "y", "--e", "z");
  }

  @Test
  void a_backslash_is_a_psql_semicolon_colon_or_meta_command() {
    assertThat(Lexer.tokenize("a \\; b \\: c \\echo x y\nd", "x")).extracting(t -> t.type() + ":" + t.text())
        .containsExactly("IDENTIFIER:a", "SEMICOLON:\\;", "IDENTIFIER:b", "COLON:\\:", "IDENTIFIER:c",
            "PSQL_META_COMMAND:\\echo x y", "IDENTIFIER:d");
  }

  @Test
  void tokens_know_their_line_and_column_in_utf16_units_whatever_the_line_ends() {
    for (String newline : List.of("\n", "\r\n", "\r")) {
      List<Token> tokens = Lexer.tokenize("😀 a" + newline + "\tb 'x" + newline + "y' c", "x");
      assertThat(tokens).extracting(t -> t.text().replace(newline, "/") + "@" + t.line() + ":" + t.column())
          .containsExactly("😀@1:1", "a@1:4", "b@2:2", "'x/y'@2:4", "c@3:4");
    }
  }
}
