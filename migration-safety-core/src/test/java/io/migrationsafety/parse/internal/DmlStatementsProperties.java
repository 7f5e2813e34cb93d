package io.migrationsafety.parse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.Unrecognized;
import io.migrationsafety.parse.ParsedScript;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.sql.SqlSyntaxException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Statements that start like DML and go on at random are read, or reported as not understood with
 * a reason: never a crash of the readers (which the dispatcher would report as an internal error).
 */
class DmlStatementsProperties {

  @Property(tries = 1000)
  void every_dml_like_statement_gives_operations(@ForAll("dmlish") String sql) {
    ParsedScript script;
    try {
      script = SqlParser.parse(sql, "property.sql");
    } catch (SqlSyntaxException e) {
      return; // an unterminated quote: the splitter's answer, not the parser's
    }
    script.statements().forEach(s -> assertThat(s.operations())
        .noneMatch(o -> o instanceof Unrecognized u && u.reason().startsWith("internal parser error")));
  }

  @Provide
  Arbitrary<String> dmlish() {
    Arbitrary<String> head = Arbitraries.of("INSERT INTO t", "UPDATE t SET a =", "DELETE FROM t", "MERGE INTO t USING s ON",
        "WITH x AS (", "SELECT", "VALUES (", "TABLE t", "EXPLAIN", "EXPLAIN (ANALYZE)", "COPY t", "SHOW", "UPDATE ONLY t u SET");
    List<String> fragments = List.of(
        "(", ")", "[", "]", ",", "::int", "'a'", "1", "-1", "now()", "random()", "WHERE", "id", "=", "IN", "SELECT",
        "FROM", "LIMIT 5", "AND", "OR", "NOT", "BETWEEN", "RETURNING *", "ON CONFLICT", "DO NOTHING", "DO UPDATE SET",
        "VALUES", "DEFAULT", "WHEN MATCHED THEN", "UPDATE SET a = 1", "INSERT (a)", "DELETE", "CASE", "WHEN", "END",
        "USING", "AS", "MATERIALIZED", "INTO", "TEMP", "FOR UPDATE", "STDIN", "TO", "$$x$$", ":v", "\"Q\"", ".",
        "ANY(ARRAY(", "COLLATE \"C\"", "OPERATOR(pg_catalog.+)", "CURRENT OF", "x", "y", "*", "ctid", "JOIN", "ON");
    Arbitrary<String> tail = Arbitraries.of(fragments).list().ofMaxSize(40).map(parts -> String.join(" ", parts));
    return head.flatMap(h -> tail.map(t -> h + " " + t));
  }
}
