"""a second inspection sees what the revision before it did

Revision ID: i3
"""
from alembic import op
import sqlalchemy as sa

revision = 'i3'
down_revision = 'i2'


def upgrade():
    insp = sa.inspect(op.get_bind())
    for fk in insp.get_foreign_keys('ports'):
        if fk['options'].get('ondelete') == 'CASCADE':
            op.drop_constraint(fk['name'], 'ports', type_='foreignkey')
    for index in insp.get_indexes('ports'):
        if index['name'].startswith('ix_ports_project'):
            op.drop_index(index['name'], table_name='ports')
    if 'audit' in insp.get_table_names():
        op.drop_table('audit')


def downgrade():
    pass
