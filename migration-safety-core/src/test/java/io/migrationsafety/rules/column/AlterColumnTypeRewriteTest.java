package io.migrationsafety.rules.column;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class AlterColumnTypeRewriteTest {

  private final RuleTester tester = RuleTester.of(new AlterColumnTypeRewrite()).schema("""
      CREATE TABLE orders (
        id integer PRIMARY KEY, code varchar(10), note text, amount numeric(10, 2), at timestamp(0), net cidr);
      """);

  @Test
  void flags_changes_that_rewrite() {
    tester.check("""
        -- expect: Changing column id of public.orders from integer to bigint rewrites the whole table
        ALTER TABLE orders ALTER COLUMN id TYPE bigint;
        -- expect: from character varying(10) to character varying(5)
        ALTER TABLE orders ALTER COLUMN code TYPE varchar(5);
        -- expect: rewrites
        ALTER TABLE orders ALTER COLUMN amount TYPE numeric(12, 3);
        -- expect: rewrites
        ALTER TABLE orders ALTER COLUMN note TYPE varchar(20);
        -- expect: rewrites
        ALTER TABLE orders ALTER COLUMN note TYPE integer USING note::integer;
        """);
  }

  @Test
  void allows_changes_postgres_makes_in_place() {
    tester.check("""
        ALTER TABLE orders ALTER COLUMN code TYPE varchar(50);
        ALTER TABLE orders ALTER COLUMN code TYPE text;
        ALTER TABLE orders ALTER COLUMN note TYPE varchar;
        ALTER TABLE orders ALTER COLUMN amount TYPE numeric(14, 2);
        ALTER TABLE orders ALTER COLUMN at TYPE timestamp(3);
        ALTER TABLE orders ALTER COLUMN net TYPE inet;
        """);
  }

  @Test
  void assumes_a_rewrite_when_the_current_type_is_unknown() {
    RuleTester.of(new AlterColumnTypeRewrite()).check("""
        -- expect: Changing column code of public.customers to text rewrites the whole table
        ALTER TABLE customers ALTER COLUMN code TYPE text;
        """);
  }

  @Test
  void allows_new_and_small_tables() {
    tester.tableRows("public.orders", 10).check("""
        ALTER TABLE orders ALTER COLUMN id TYPE bigint;
        CREATE TABLE t (a int);
        ALTER TABLE t ALTER COLUMN a TYPE bigint;
        """);
  }

  @Test
  void suggests_expand_and_contract_that_parses() {
    String suggestion = tester.findings("ALTER TABLE orders ALTER COLUMN id TYPE bigint;").get(0).suggestion();

    assertThat(suggestion).startsWith("ALTER TABLE orders ADD COLUMN id_new bigint;")
        .contains("ALTER TABLE orders RENAME COLUMN id_new TO id;");
    assertThat(SqlParser.parse(suggestion, "s.sql").unrecognizedCount()).isZero();
  }
}
