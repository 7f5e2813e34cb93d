package io.migrationsafety.parse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.WhereClause;
import io.migrationsafety.operation.WhereShape;
import io.migrationsafety.sql.Lexer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * WHERE shapes, read through JSqlParser and from tokens alone: both readings must give the same
 * shape and columns, for the target table {@code users} (alias {@code u}) with a limited CTE
 * {@code batch} in scope.
 */
class WhereShapesTest {

  private static final WhereShapes.Scope SCOPE = new WhereShapes.Scope(Set.of("users", "u"), Set.of("batch"));

  private static TokenSlice slice(String sql) {
    return TokenSlice.of(sql, Lexer.tokenize(sql, "<where>"));
  }

  private static List<String> columns(String list) {
    return list.isEmpty() ? List.of() : Arrays.asList(list.split(" "));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "true                                                     | ALWAYS_TRUE      | ",
      "1 = 1                                                    | ALWAYS_TRUE      | ",
      "(true)                                                   | ALWAYS_TRUE      | ",
      "id = 5                                                   | KEY_LOOKUP       | id",
      "5 = id                                                   | KEY_LOOKUP       | id",
      "u.id = -5                                                | KEY_LOOKUP       | id",
      "users.id = 'a'::uuid                                     | KEY_LOOKUP       | id",
      "\"Id\" = 'x'                                             | KEY_LOOKUP       | Id",
      "id IN (1, 2, 3)                                          | KEY_LOOKUP       | id",
      "id IN (1, 2) AND tenant_id = 7                           | KEY_LOOKUP       | id tenant_id",
      "tenant_id = 7 AND id IN (1, 2) AND deleted_at IS NULL    | KEY_LOOKUP       | tenant_id id deleted_at",
      "id = ANY(ARRAY[1, 2])                                    | KEY_LOOKUP       | id",
      "id = ANY('{1,2}'::bigint[])                              | KEY_LOOKUP       | id",
      "id = 1 OR id = 2                                         | KEY_LOOKUP       | id",
      "(id = 1) OR (id IN (3, 4))                               | KEY_LOOKUP       | id",
      "id = $1                                                  | KEY_LOOKUP       | id",
      "id BETWEEN 1 AND 1000                                    | KEY_RANGE        | id",
      "id >= 1 AND id < 1000                                    | KEY_RANGE        | id",
      "id > 0 AND id <= 1000 AND email IS NULL                  | KEY_RANGE        | id email",
      "1000 > id AND 1 <= id                                    | KEY_RANGE        | id",
      "created_at >= now() - interval '2 days' AND created_at < now() | KEY_RANGE | created_at",
      "id BETWEEN 1 AND 10 AND status IN ('a', 'b')            | KEY_LOOKUP       | id status",
      "id IN (SELECT id FROM users WHERE email IS NULL LIMIT 100) | LIMITED_SUBQUERY | id",
      "id IN (SELECT id FROM users LIMIT 100) AND status = 'x'  | LIMITED_SUBQUERY | id status",
      "status = 'x' AND id IN (SELECT id FROM users FETCH FIRST 10 ROWS ONLY) | LIMITED_SUBQUERY | status id",
      "id = (SELECT id FROM users ORDER BY id LIMIT 1)          | LIMITED_SUBQUERY | id",
      "ctid = ANY(ARRAY(SELECT ctid FROM users LIMIT 10))       | LIMITED_SUBQUERY | ctid",
      "id = ANY(SELECT id FROM users LIMIT 10)                  | LIMITED_SUBQUERY | id",
      "id IN (SELECT id FROM batch)                             | LIMITED_SUBQUERY | id",
      "u.id = batch.id                                          | LIMITED_SUBQUERY | id",
      "id IN (SELECT id FROM users LIMIT ALL)                   | OTHER            | id",
      "id IN (SELECT id FROM users LIMIT NULL)                  | OTHER            | id",
      "id IN (SELECT id FROM users)                             | OTHER            | id",
      "id IN (SELECT id FROM other_table)                       | OTHER            | id",
      "email IS NULL                                            | OTHER            | email",
      "id > 100                                                 | OTHER            | id",
      "id >= 1 AND other_id < 10                                | OTHER            | id other_id",
      "id NOT IN (1, 2)                                         | OTHER            | id",
      "NOT (id = 1)                                             | OTHER            | id",
      "id NOT BETWEEN 1 AND 10                                  | OTHER            | id",
      "id = 1 OR status = 'x' OR email IS NULL                  | OTHER            | id status email",
      "lower(email) = 'a@b.c'                                   | OTHER            | email",
      "id = nextval('s')                                        | OTHER            | id",
      "id = other_id                                            | OTHER            | id other_id",
      "o.id = 5                                                 | OTHER            | ",
      "id = random()                                            | OTHER            | id",
      "EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id)   | OTHER            | ",
      "created_at < now() - interval '30 days'                  | OTHER            | created_at",
      "u.id IN (1, 2) AND u.status = 'x' OR u.id = 3            | KEY_LOOKUP       | id status",
      "u.id IN (1, 2) AND u.status = 'x' OR u.email IS NULL     | OTHER            | id status email",
      "status IN ('a', 'b') AND created_at < now()              | KEY_LOOKUP       | status created_at",
      "owner = CURRENT_USER                                     | KEY_LOOKUP       | owner",
  })
  void reads_the_same_shape_with_and_without_jsqlparser(String condition, WhereShape shape, String columns) {
    TokenSlice where = slice(condition);
    WhereClause viaJSqlParser = WhereShapes.read(where, SCOPE);
    WhereClause viaTokens = TokenWhereShapes.read(where, SCOPE);
    assertThat(viaJSqlParser.shape()).as("through JSqlParser").isEqualTo(shape);
    assertThat(viaTokens.shape()).as("from tokens").isEqualTo(shape);
    assertThat(viaJSqlParser.columns()).as("columns through JSqlParser").isEqualTo(columns(columns == null ? "" : columns));
    assertThat(viaTokens.columns()).as("columns from tokens").isEqualTo(columns(columns == null ? "" : columns));
    assertThat(viaJSqlParser.sql()).isEqualTo(condition);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "name COLLATE \"C\" = 'x'                       | KEY_LOOKUP",
      "name COLLATE \"C\" >= 'a' AND name COLLATE \"C\" < 'b' | KEY_RANGE",
      "id = :'id'                                     | KEY_LOOKUP",
      "id BETWEEN :lo AND :hi                         | KEY_RANGE",
      "id IN (SELECT id FROM users LIMIT :n)          | LIMITED_SUBQUERY",
      "a OPERATOR(pg_catalog.=) 1                     | OTHER",
      "CURRENT OF c                                   | OTHER",
  })
  void reads_shapes_jsqlparser_declines_from_tokens(String condition, WhereShape shape) {
    assertThat(WhereShapes.read(slice(condition), SCOPE).shape()).isEqualTo(shape);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "id IN (1, 2) AND status = 'x'",
      "id IN (1, 2) OR status = 'x'",
      "status = 'x' AND id IN (SELECT id FROM users LIMIT 5) AND email IS NULL",
  })
  void is_not_misled_by_jsqlparser_nesting_what_follows_in_inside_it(String condition) {
    // JSqlParser 5.3 parses a IN (…) AND b as a IN ((…) AND b); the shape must not depend on it.
    WhereClause clause = WhereShapes.read(slice(condition), SCOPE);
    assertThat(clause.shape()).isEqualTo(TokenWhereShapes.read(slice(condition), SCOPE).shape());
  }
}
