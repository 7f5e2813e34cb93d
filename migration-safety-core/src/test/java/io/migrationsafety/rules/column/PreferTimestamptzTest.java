package io.migrationsafety.rules.column;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class PreferTimestamptzTest {

  private final RuleTester tester = RuleTester.of(new PreferTimestamptz());

  @Test
  void flags_timestamp_without_time_zone_and_rewrites_the_type() {
    tester.check("""
        -- expect: Column happened_at is timestamp without time zone; use timestamptz
        CREATE TABLE events (id bigint, happened_at timestamp(3) NOT NULL, at timestamptz);
        -- expect: Column seen_at
        ALTER TABLE events ADD COLUMN seen_at timestamp without time zone;
        """);
    String s = tester.findings("CREATE TABLE events (id bigint, happened_at timestamp(3) NOT NULL);").get(0).suggestion();
    assertThat(s).isEqualTo("CREATE TABLE events (id bigint, happened_at timestamptz(3) NOT NULL);");
    assertThat(SqlParser.parse(s, "s.sql").unrecognizedCount()).isZero();
  }

  @Test
  void allows_timestamptz_and_dates() {
    tester.check("CREATE TABLE events (at timestamptz, d date, t time);");
  }
}
