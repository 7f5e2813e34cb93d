package io.migrationsafety.rules.table;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class BanTruncateTest {

  @Test
  void flags_truncating_existing_tables() {
    RuleTester.of(new BanTruncate()).schema("CREATE TABLE sessions (id bigint);").check("""
        -- expect: TRUNCATE deletes every row of public.sessions and of every table referencing it
        TRUNCATE sessions CASCADE;
        CREATE TABLE buffer (id int);
        TRUNCATE buffer;
        """);
  }
}
