package io.migrationsafety.alembic.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.Unrecognized;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How much Python the interpreter evaluates, and what it leaves unresolved. */
class InterpreterTest {

  private static final String HEAD = "from alembic import op\nimport sqlalchemy as sa\nrevision = 'r'\n"
      + "down_revision = None\n";

  private static List<ParsedStatement> upgrade(String body) {
    RevisionModule m = RevisionReader.read(HEAD + body, "t.py", ModuleResolver.none());
    return SqlParser.parse(m.upgrade(null).sql(), "t.py").statements();
  }

  private static List<String> texts(String body) {
    return upgrade(body).stream().map(s -> s.statement().text()).toList();
  }

  private static List<String> reasons(String body) {
    return upgrade(body).stream().flatMap(s -> s.operations().stream()).filter(o -> o instanceof Unrecognized)
        .map(o -> ((Unrecognized) o).reason()).toList();
  }

  @Test
  void formats_strings_as_python_does() {
    assertThat(texts("""
        T = 'orders'
        COLS = {'a': 'int', 'b': 'text'}
        def upgrade():
            op.execute("ANALYZE %s" % T)
            op.execute("ANALYZE %(t)s" % {'t': T})
            op.execute("ANALYZE {}.{t}".format('public', t=T))
            op.execute(f"ANALYZE {T.upper()!s}")
            op.execute("ANALYZE " + ", ".join(sorted(COLS.keys())))
            op.execute('ANALYZE ' + T * 2)
        """)).containsExactly("ANALYZE orders", "ANALYZE orders", "ANALYZE public.orders", "ANALYZE ORDERS",
        "ANALYZE a, b", "ANALYZE ordersorders");
  }

  @Test
  void evaluates_comprehensions_conditions_and_dialect_checks() {
    assertThat(texts("""
        TABLES = ['a', 'b', 'c']
        def upgrade():
            for t in [x for x in TABLES if x != 'b']:
                op.drop_table(t)
            names = {t: t.upper() for t in TABLES}
            op.drop_table(names.get('c', 'zz').lower() + '_' + str(len(names)))
            if op.get_bind().dialect.name == 'postgresql':
                op.execute('SELECT 1')
            else:
                op.execute('SELECT 2')
            op.execute('SELECT 3') if False else op.execute('SELECT 4')
        """)).containsExactly("DROP TABLE a", "DROP TABLE c", "DROP TABLE c_3", "SELECT 1", "SELECT 4");
  }

  @Test
  void an_unknown_condition_reviews_both_branches_and_says_so() {
    List<String> reasons = reasons("""
        from myapp import settings
        def upgrade():
            if settings.FEATURE:
                op.drop_table('a')
            else:
                op.drop_table('b')
            while True:
                op.drop_table('c')
            match x:
                case 1:
                    op.drop_table('d')
        """);
    assertThat(reasons).hasSize(3);
    assertThat(reasons.get(0)).startsWith("the condition settings.FEATURE is not known statically")
        .endsWith("both branches are reviewed");
    assertThat(reasons.get(1)).startsWith("a while loop");
    assertThat(reasons.get(2)).isEqualTo("Python statement not interpreted (a match statement)");
    assertThat(texts("from myapp import settings\ndef upgrade():\n    if settings.FEATURE:\n"
        + "        op.drop_table('a')\n    else:\n        op.drop_table('b')\n")).contains("DROP TABLE a", "DROP TABLE b");
  }

  @Test
  void get_bind_execute_and_helpers_with_defaults_and_returns() {
    assertThat(texts("""
        def _name(table, suffix='idx'):
            return f'{table}_{suffix}'
        def upgrade():
            conn = op.get_bind()
            conn.execute(sa.text("UPDATE t SET a = 1 WHERE a IS NULL"))
            op.create_index(_name('t'), 't', ['a'])
            op.create_index(_name('t', suffix='uq'), 't', ['b'], unique=True)
        """)).containsExactly("UPDATE t SET a = 1 WHERE a IS NULL", "CREATE INDEX t_idx ON t (a)",
        "CREATE UNIQUE INDEX t_uq ON t (b)");
  }

  @Test
  void bulk_insert_into_a_created_or_reflected_table() {
    assertThat(texts("""
        def upgrade():
            t = op.create_table('kinds', sa.Column('id', sa.Integer()), sa.Column('name', sa.Text()),
                                sa.PrimaryKeyConstraint('id'))
            op.bulk_insert(t, [{'name': 'a', 'id': 1}])
            md = sa.MetaData()
            sa.Table('status', md, autoload_with=op.get_bind())
            op.bulk_insert(md.tables['status'], [{'name': 'DRAINING'}, {'name': None}])
        """)).containsExactly("CREATE TABLE kinds (id SERIAL NOT NULL, name TEXT, PRIMARY KEY (id))",
        "INSERT INTO kinds (id, name) VALUES (1, 'a')", "INSERT INTO status (name) VALUES ('DRAINING')",
        "INSERT INTO status (name) VALUES (NULL)");
  }

  @Test
  void quotes_names_as_sqlalchemy_does() {
    assertThat(texts("""
        def upgrade():
            op.add_column('User', sa.Column('order', sa.Integer()))
            op.drop_column('t', 'select')
            op.rename_table('a', 'b', schema='Billing')
        """)).containsExactly("ALTER TABLE \"User\" ADD COLUMN \"order\" INTEGER",
        "ALTER TABLE t DROP COLUMN \"select\"", "ALTER TABLE \"Billing\".a RENAME TO b");
  }

  @Test
  void an_enum_shared_by_two_tables_is_created_once_as_sqlalchemy_remembers_it() {
    assertThat(texts("""
        protocols = sa.Enum('HTTP', 'TCP', name='lb_protocols')
        def upgrade():
            op.create_table('pools', sa.Column('protocol', protocols))
            op.create_table('listeners', sa.Column('protocol', protocols))
        """)).containsExactly("CREATE TYPE lb_protocols AS ENUM ('HTTP', 'TCP')",
        "CREATE TABLE pools (protocol lb_protocols)", "CREATE TABLE listeners (protocol lb_protocols)");
  }

  @Test
  void a_function_with_an_autocommit_block_is_run_once_so_module_state_changes_once() {
    assertThat(texts("""
        TABLES = []
        def upgrade():
            TABLES.append('orders')
            with op.get_context().autocommit_block():
                for t in TABLES:
                    op.execute(f"VACUUM {t}")
        """)).containsExactly("BEGIN", "COMMIT", "VACUUM orders", "BEGIN", "COMMIT");
  }
}
