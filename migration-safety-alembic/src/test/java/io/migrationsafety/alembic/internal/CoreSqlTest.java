package io.migrationsafety.alembic.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.DataChange;
import io.migrationsafety.operation.Unrecognized;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SQLAlchemy Core statements and run-time values: written as the SQL SQLAlchemy sends, values
 * Python computes when the revision runs bound as parameters.
 */
class CoreSqlTest {

  private static final String HEAD = """
      import datetime
      import uuid
      from alembic import op
      import sqlalchemy as sa
      revision = 'r'
      down_revision = None
      pool = sa.sql.table('pool', sa.sql.column('id', sa.String), sa.sql.column('lb_id', sa.String),
                          sa.sql.column('algorithm', sa.String))
      lb = sa.table('load_balancer', sa.column('id'), sa.column('provider'))
      """;

  private static List<ParsedStatement> upgrade(String body) {
    RevisionModule m = RevisionReader.read(HEAD + body, "t.py", ModuleResolver.none());
    return SqlParser.parse(m.upgrade(null).sql(), "t.py").statements();
  }

  private static List<String> texts(String body) {
    return upgrade(body).stream().filter(s -> !s.isUnrecognized()).map(s -> s.statement().text()).toList();
  }

  private static List<String> reasons(String body) {
    return upgrade(body).stream().flatMap(s -> s.operations().stream()).filter(o -> o instanceof Unrecognized)
        .map(o -> ((Unrecognized) o).reason()).toList();
  }

  @Test
  void update_delete_and_insert_are_written_as_sqlalchemy_sends_them() {
    assertThat(texts("""
        def upgrade():
            op.execute(pool.update().values(algorithm='ROUND_ROBIN').where(pool.c.algorithm == 'RR'))
            op.execute(sa.update(pool).values({'lb_id': None}).where(sa.and_(pool.c.id != 'x', pool.c.lb_id == None)))
            op.execute(pool.delete().where(pool.c.algorithm.in_(['A', "it's"])).where(pool.c['lb_id'].is_(None)))
            op.execute(sa.insert(lb).values(id='1', provider='amphora'))
            op.execute(pool.update().values(lb_id=pool.c.id).where(sa.not_(pool.c.id.like('t%'))))
        """)).containsExactly(
        "UPDATE pool SET algorithm='ROUND_ROBIN' WHERE pool.algorithm = 'RR'",
        "UPDATE pool SET lb_id=NULL WHERE (pool.id != 'x' AND pool.lb_id IS NULL)",
        "DELETE FROM pool WHERE pool.algorithm IN ('A', 'it''s') AND pool.lb_id IS NULL",
        "INSERT INTO load_balancer (id, provider) VALUES ('1', 'amphora')",
        "UPDATE pool SET lb_id=pool.id WHERE NOT (pool.id LIKE 't%')");
  }

  @Test
  void selects_follow_their_columns_joins_and_conditions() {
    assertThat(texts("""
        def upgrade():
            conn = op.get_bind()
            j = pool.join(lb, pool.c.lb_id == lb.c.id)
            conn.execute(sa.select([pool.c.id]).select_from(j).where(lb.c.provider == 'ovn'))
            conn.execute(sa.select(pool.c.id, pool.c.lb_id).where(pool.c.lb_id is not None))
            conn.execute(lb.select())
        """)).containsExactly(
        "SELECT pool.id FROM pool JOIN load_balancer ON pool.lb_id = load_balancer.id WHERE load_balancer.provider = 'ovn'",
        // `column is not None` is Python's identity test, True, which SQLAlchemy renders as is
        "SELECT pool.id, pool.lb_id FROM pool WHERE true",
        "SELECT load_balancer.* FROM load_balancer");
  }

  @Test
  void values_known_only_at_run_time_are_bound_parameters() {
    List<ParsedStatement> statements = upgrade("""
        def upgrade():
            conn = op.get_bind()
            for row in conn.execute(sa.select([lb.c.id, lb.c.provider])):
                op.execute(pool.update().values(algorithm=row[1]).where(pool.c.lb_id == row[0]))
            op.bulk_insert(lb, [{'id': str(uuid.uuid4()), 'provider': 'amphora'}])
            op.bulk_insert(pool, [{'id': 'p', 'lb_id': datetime.datetime.now(), 'algorithm': uuid.uuid4().hex}])
        """);
    assertThat(statements.stream().filter(s -> !s.isUnrecognized()).map(s -> s.statement().text())).containsExactly(
        "SELECT load_balancer.id, load_balancer.provider FROM load_balancer",
        "UPDATE pool SET algorithm=$1 WHERE pool.lb_id = $2",
        "INSERT INTO load_balancer (id, provider) VALUES ($1, 'amphora')",
        "INSERT INTO pool (id, lb_id, algorithm) VALUES ('p', $1, $2)");
    assertThat(statements.stream().filter(s -> !s.isUnrecognized()).skip(1))
        .allSatisfy(s -> assertThat(s.operations()).singleElement().isInstanceOf(DataChange.class));
    // how often the loop runs is still not known: that is reported, fail closed
    assertThat(statements.stream().filter(ParsedStatement::isUnrecognized)).singleElement()
        .satisfies(s -> assertThat(s.statement().text()).contains("the loop over conn.execute(…) cannot be unrolled"));
  }

  @Test
  void what_cannot_be_written_stays_unresolved() {
    assertThat(reasons("""
        def upgrade():
            op.execute(pool.update().where(pool.c.id == 'x'))
            op.execute(pool.delete().where("id = 'x'"))
            op.execute(sa.select([pool.c.id]).select_from(pool.join(lb)))
        """)).containsExactly(
        "op.execute: an update() without values() sets every column from parameters",
        "op.execute: a where() of a plain string (SQLAlchemy wants sa.text(…))",
        "op.execute: a join without its ON clause (SQLAlchemy infers it from foreign keys)");
  }
}
