package io.migrationsafety.parse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.SqlExpression;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link ExpressionAnalyzer#analyze(String)} returns an answer for every string, and never throws. */
class ExpressionAnalyzerProperties {

  @Property(tries = 500)
  void never_throws_on_arbitrary_strings(@ForAll String sql) {
    SqlExpression e = ExpressionAnalyzer.analyze(sql);
    assertThat(e.sql()).isEqualTo(sql);
    assertThat(e.volatility()).isNotNull();
  }

  @Property(tries = 500)
  void never_throws_on_strings_made_of_sql_fragments(@ForAll("sqlish") String sql) {
    SqlExpression e = ExpressionAnalyzer.analyze(sql);
    assertThat(e.sql()).isEqualTo(sql);
    assertThat(e.volatility()).isNotNull();
  }

  /** Pieces of PostgreSQL expressions glued at random: mostly invalid, often nested, always lexable or nearly. */
  @Provide
  Arbitrary<String> sqlish() {
    List<String> fragments = List.of(
        "(", ")", "[", "]", ",", "::", "::text", "'a'", "'{}'", "$$x$$", "E'\\n'", "1", "-2.5e3", "now()",
        "random(", "nextval('s')", "COALESCE(", "CASE WHEN", "THEN", "ELSE", "END", "AND", "OR", "NOT",
        "IN", "SELECT", "FROM", "t", "x", "\"Quoted\"", ".", "+", "-", "*", "/", "||", "@>", "?|", "->>",
        "COLLATE \"C\"", "OPERATOR(pg_catalog.+)", "ARRAY[", "interval '1 day'", "CURRENT_TIMESTAMP",
        "IS NULL", "BETWEEN", "LIMIT 1", "=", "<", ">=", "ANY(", "EXISTS", "/*c*/", "--c\n", "$1", ":v",
        "\\", ";", "'", "\"", "$a$", " ");
    return Arbitraries.of(fragments).list().ofMaxSize(60).map(parts -> String.join(" ", parts));
  }
}
