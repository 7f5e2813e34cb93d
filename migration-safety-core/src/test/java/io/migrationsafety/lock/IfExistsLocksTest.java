package io.migrationsafety.lock;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.Operation;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.schema.Schema;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code IF EXISTS} on a relation the schema lacks: nothing is locked when the schema is the whole
 * database (agreement with the server is checked by {@link LockModelAgreementTest}); on a stand-in
 * the relation may exist after all, so its lock is still predicted.
 */
class IfExistsLocksTest {

  private static final Schema BEFORE = LockModelAgreementTest.replay("CREATE TABLE items (id int);");

  @ParameterizedTest
  @ValueSource(strings = {"DROP TABLE IF EXISTS legacy", "ALTER TABLE IF EXISTS legacy ADD COLUMN x int",
      "ALTER TABLE IF EXISTS legacy RENAME TO old", "DROP INDEX IF EXISTS legacy_idx",
      "ALTER INDEX IF EXISTS legacy_idx RENAME TO old_idx", "DROP TRIGGER IF EXISTS t ON legacy"})
  void a_missing_relation_is_locked_only_when_the_schema_may_be_incomplete(String sql) {
    assertThat(effects(sql, true)).isEmpty();
    assertThat(effects(sql, false)).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void an_existing_relation_is_locked_either_way(boolean complete) {
    assertThat(effects("DROP TABLE IF EXISTS legacy, items", complete))
        .extracting(e -> e.relation().sql()).contains("public.items");
  }

  private static List<LockEffect> effects(String sql, boolean complete) {
    Operation operation = SqlParser.parse(sql, "t.sql").statements().get(0).operations().get(0);
    return LockModel.effects(operation, BEFORE, "public", 16, complete);
  }
}
