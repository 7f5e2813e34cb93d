package io.migrationsafety.parse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.CreateTrigger;
import io.migrationsafety.operation.CreateView;
import io.migrationsafety.operation.Drop;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.Unrecognized;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.sql.SqlSplitter;
import io.migrationsafety.sql.SqlStatement;
import io.migrationsafety.sql.Token;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The DDL statement families together: which family each head reaches, reasons that name where
 * the problem is, and robustness on every cut-short statement.
 */
class StatementFamiliesTest {

  /** The golden-file areas these families own. */
  private static final List<String> AREAS = List.of(
      "drop", "sequence", "view", "schema", "routine", "privilege", "maintenance", "session");

  private static List<Operation> parse(String sql) {
    return SqlParser.parse(sql, "test.sql").statements().get(0).operations();
  }

  @Test
  void sends_heads_with_modifiers_to_their_family() {
    assertThat(parse("CREATE OR REPLACE CONSTRAINT TRIGGER t AFTER INSERT ON x FOR EACH ROW EXECUTE FUNCTION f()"))
        .singleElement().isInstanceOf(CreateTrigger.class);
    assertThat(parse("CREATE OR REPLACE TEMP RECURSIVE VIEW v (n) AS SELECT 1"))
        .singleElement().isInstanceOf(CreateView.class);
    assertThat(parse("DROP MATERIALIZED VIEW m")).singleElement()
        .isInstanceOfSatisfying(Drop.class, d -> assertThat(d.objectType()).isEqualTo(ObjectType.MATERIALIZED_VIEW));
    assertThat(parse("DROP PROCEDURAL LANGUAGE plperl")).singleElement()
        .isInstanceOfSatisfying(Drop.class, d -> assertThat(d.objectType()).isEqualTo(ObjectType.LANGUAGE));
  }

  @Test
  void reports_drop_user_mapping_as_not_modelled_rather_than_as_a_role() {
    assertThat(parse("DROP USER MAPPING FOR app SERVER s")).singleElement()
        .isInstanceOfSatisfying(Unrecognized.class,
            u -> assertThat(u.reason()).startsWith("USER MAPPING is not modelled at line 1, column 6"));
  }

  @Test
  void keeps_a_multi_line_view_query_exactly() {
    String sql = "CREATE VIEW v AS\nSELECT id\n  FROM t\nWITH CASCADED CHECK OPTION;";
    assertThat(parse(sql)).singleElement().isInstanceOfSatisfying(CreateView.class,
        v -> assertThat(v.query()).isEqualTo("SELECT id\n  FROM t"));
  }

  @Test
  void names_the_line_and_column_of_trailing_junk_in_a_multi_line_statement() {
    String sql = "-- leading comment\nDROP INDEX CONCURRENTLY\n  idx_a\n  idx_b;";
    assertThat(parse(sql)).singleElement().isInstanceOfSatisfying(Unrecognized.class,
        u -> assertThat(u.reason()).isEqualTo("unexpected 'idx_b' at line 4, column 3"));
  }

  @Test
  void parses_every_cut_short_golden_statement_without_an_internal_error() throws IOException {
    List<String> failures = new ArrayList<>();
    for (Path file : goldenFiles()) {
      String source = Files.readString(file, StandardCharsets.UTF_8);
      for (SqlStatement statement : SqlSplitter.split(source, file.toString()).statements()) {
        if (statement.kind() != SqlStatement.Kind.SQL) {
          continue;
        }
        int start = statement.span().start().offset();
        for (Token t : statement.tokens()) {
          String prefix = source.substring(start, t.endOffset());
          for (ParsedStatement parsed : SqlParser.parse(prefix, "prefix.sql").statements()) {
            for (Operation o : parsed.operations()) {
              if (o instanceof Unrecognized u && u.reason().startsWith("internal parser error")) {
                failures.add(prefix + " -> " + u.reason());
              }
            }
          }
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  private static List<Path> goldenFiles() throws IOException {
    Path root;
    try {
      root = Path.of(StatementFamiliesTest.class.getResource("/sql").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<Path> files = new ArrayList<>();
    for (String area : AREAS) {
      try (Stream<Path> s = Files.list(root.resolve(area))) {
        s.filter(p -> p.toString().endsWith(".sql")).sorted().forEach(files::add);
      }
    }
    return files;
  }
}
