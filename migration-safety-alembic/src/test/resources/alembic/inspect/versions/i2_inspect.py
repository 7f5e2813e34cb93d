"""changes found by inspecting the database, as OpenStack's revisions do

Revision ID: i2
"""
from alembic import op
import sqlalchemy as sa

revision = 'i2'
down_revision = 'i1'

TABLE = 'ports'


def _inspector():
    return sa.inspect(op.get_bind())


def upgrade():
    insp = _inspector()
    # foreign keys recreated with ON DELETE CASCADE, under the names the database gave them
    for fk in insp.get_foreign_keys(TABLE):
        op.drop_constraint(fk['name'], TABLE, type_='foreignkey')
        op.create_foreign_key(fk['name'], TABLE, fk['referred_table'], fk['constrained_columns'],
                              fk['referred_columns'], ondelete='CASCADE')
    # indexes on tenant columns renamed
    for index in insp.get_indexes(TABLE):
        if 'tenant' in index['name'] and not index.get('duplicates_constraint'):
            op.drop_index(index['name'], table_name=TABLE)
            op.create_index(index['name'].replace('tenant', 'project'), TABLE, index['column_names'])
    # the unique constraint on mac widened to (mac, name)
    for uc in insp.get_unique_constraints(TABLE):
        if uc['column_names'] == ['mac']:
            op.drop_constraint(uc['name'], TABLE, type_='unique')
    op.create_unique_constraint('uniq_ports0mac0name', TABLE, ['mac', 'name'])
    # a column widened, its existing type and nullability read from the database
    for column in insp.get_columns(TABLE):
        if column['name'] == 'name':
            op.alter_column(TABLE, 'name', type_=sa.String(length=255), existing_type=column['type'],
                            existing_nullable=column['nullable'])
    # a primary key replaced, found by its name
    pk = insp.get_pk_constraint('legacy')
    if pk['constrained_columns'] == ['code']:
        op.drop_constraint(pk['name'], 'legacy', type_='primary')
        op.add_column('legacy', sa.Column('id', sa.Integer(), nullable=False, server_default='0'))
        op.create_primary_key('pk_legacy', 'legacy', ['id'])
    # tables created only where missing
    if 'audit' not in insp.get_table_names():
        op.create_table('audit', sa.Column('id', sa.Integer(), primary_key=True))
    if not insp.has_table('tenants'):
        op.create_table('tenants', sa.Column('id', sa.Integer(), primary_key=True))
    # Alembic's own table is there before the first revision, with its primary key
    if not insp.get_pk_constraint('alembic_version')['constrained_columns']:
        op.create_primary_key('pk_alembic_version', 'alembic_version', ['version_num'])


def downgrade():
    pass
