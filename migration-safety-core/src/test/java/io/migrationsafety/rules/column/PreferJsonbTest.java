package io.migrationsafety.rules.column;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class PreferJsonbTest {

  private final RuleTester tester = RuleTester.of(new PreferJsonb())
      .schema("CREATE TABLE orders (id bigint PRIMARY KEY, payload text);");

  @Test
  void flags_json_in_create_table_add_column_and_type_change() {
    tester.check("""
        -- expect: Column payload, extra is json; use jsonb
        CREATE TABLE events (id bigint, payload json NOT NULL, extra JSON[], note text);
        -- expect: Column meta is json
        ALTER TABLE orders ADD COLUMN meta json;
        -- expect: Column payload is json
        ALTER TABLE orders ALTER COLUMN payload TYPE json USING payload::json;
        """);
  }

  @Test
  void allows_jsonb_and_other_types() {
    tester.check("""
        CREATE TABLE events (id bigint, payload jsonb, json text);
        ALTER TABLE orders ADD COLUMN meta jsonb;
        ALTER TABLE orders ALTER COLUMN payload TYPE jsonb USING payload::jsonb;
        """);
  }

  @Test
  void suggests_the_same_statement_with_jsonb() {
    String s = tester.findings("CREATE TABLE events (json json, extra JSON[] DEFAULT '{}');").get(0).suggestion();

    assertThat(s).isEqualTo("CREATE TABLE events (json jsonb, extra jsonb[] DEFAULT '{}');");
    assertThat(SqlParser.parse(s, "s.sql").unrecognizedCount()).isZero();
    tester.check(s);
  }
}
