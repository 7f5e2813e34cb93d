package io.migrationsafety.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void lists_files_of_a_directory_in_natural_order_with_their_operations() throws IOException {
    Files.writeString(dir.resolve("V10__b.sql"), "CREATE INDEX i ON t (a);\n");
    Files.writeString(dir.resolve("V2__a.sql"), "ALTER TABLE t ADD COLUMN a int;\n");

    int code = run("parse", dir.toString());

    assertThat(code).isEqualTo(ExitCode.OK.code());
    String text = out.toString();
    assertThat(text.indexOf("V2__a.sql")).isLessThan(text.indexOf("V10__b.sql"));
    assertThat(text).contains("1:1   ADD_COLUMN  ALTER TABLE t ADD COLUMN a int")
        .contains("2 file(s), 2 statement(s), 0 not understood");
  }

  @Test
  void reports_statements_it_did_not_understand_and_can_fail_on_them() throws IOException {
    Path file = dir.resolve("V1__x.sql");
    Files.writeString(file, "ALTER TABLE t FROBNICATE;\n");

    assertThat(run("parse", file.toString())).isEqualTo(ExitCode.OK.code());
    assertThat(out.toString()).contains("NOT UNDERSTOOD  unknown ALTER TABLE subcommand at line 1, column 15");
    assertThat(run("parse", "--fail-on-unrecognized", file.toString())).isEqualTo(ExitCode.BLOCKED.code());
  }

  @Test
  void writes_json_with_spans_and_typed_operations() throws IOException {
    Path file = dir.resolve("V1__x.sql");
    Files.writeString(file, "-- c\nALTER TABLE t ADD COLUMN a int NOT NULL DEFAULT 0;\n");

    assertThat(run("parse", "--format", "json", file.toString())).isZero();

    JsonNode json = new ObjectMapper().readTree(out.toString());
    JsonNode parsed = json.at("/files/0/parsed/0");
    assertThat(json.get("tool").asText()).isEqualTo("migration-safety");
    assertThat(parsed.get("line").asInt()).isEqualTo(2);
    assertThat(parsed.at("/operations/0/kind").asText()).isEqualTo("ADD_COLUMN");
    assertThat(parsed.at("/operations/0/details/column/defaultValue/volatility").asText()).isEqualTo("IMMUTABLE");
  }

  @Test
  void unterminated_quote_is_bad_input_naming_file_line_and_column() throws IOException {
    Path file = dir.resolve("V1__x.sql");
    Files.writeString(file, "SELECT 1;\nSELECT 'oops;\n");

    assertThat(run("parse", file.toString())).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(err.toString()).contains(file + ":2:8: unterminated string constant");
  }

  @Test
  void missing_path_and_unknown_option_are_bad_input() {
    assertThat(run("parse", dir.resolve("missing.sql").toString())).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(run("parse", "--nope", "x")).isEqualTo(ExitCode.BAD_INPUT.code());
  }

  @Test
  void exit_codes_are_distinct() {
    assertThat(java.util.Arrays.stream(ExitCode.values()).map(ExitCode::code).distinct().count())
        .isEqualTo(ExitCode.values().length);
  }
}
