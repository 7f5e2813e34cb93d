package io.migrationsafety.schema.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.schema.Schema;
import org.junit.jupiter.api.Test;

/** A script replayed with its search_path followed, and what makes the result untrusted. */
class ScriptReplayTest {

  private static ScriptReplay replay(String sql) {
    return ScriptReplay.of(Schema.empty(), SqlParser.parse(sql, "V1__x.sql").statements(), "V1__x.sql");
  }

  @Test
  void unqualified_names_follow_set_search_path_until_reset() {
    ScriptReplay r = replay("""
        CREATE SCHEMA app;
        SET search_path = "$user", app, public;
        CREATE TABLE orders (id int);
        RESET ALL;
        CREATE TABLE audit (id int);
        """);
    assertThat(r.after().table(QualifiedName.of("app", "orders"))).isPresent();
    assertThat(r.after().table(QualifiedName.of("public", "audit"))).isPresent();
    assertThat(r.untrusted()).isEmpty();
  }

  @Test
  void code_and_statements_not_understood_and_refused_ones_make_it_untrusted() {
    ScriptReplay r = replay("""
        DO $$ BEGIN PERFORM 1; END $$;
        CALL refresh_all();
        ALTER TABLE missing ADD COLUMN x int;
        """);
    assertThat(r.untrusted()).hasSize(3);
    assertThat(r.untrusted().get(0)).startsWith("V1__x.sql:1: runs code");
    assertThat(r.untrusted().get(1)).startsWith("V1__x.sql:2: runs code");
    assertThat(r.untrusted().get(2)).startsWith("V1__x.sql:3: ").contains("missing");
  }
}
