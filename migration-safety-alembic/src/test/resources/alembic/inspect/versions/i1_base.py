"""tables whose constraint names PostgreSQL chooses

Revision ID: i1
"""
from alembic import op
import sqlalchemy as sa

revision = 'i1'
down_revision = None


def upgrade():
    op.create_table('tenants', sa.Column('id', sa.Integer(), primary_key=True))
    op.create_table(
        'ports',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('tenant_id', sa.Integer(), sa.ForeignKey('tenants.id')),
        sa.Column('mac', sa.String(length=32), nullable=False),
        sa.Column('name', sa.String(length=64)),
        sa.UniqueConstraint('mac'))
    op.create_index('ix_ports_tenant_id', 'ports', ['tenant_id'])
    op.create_table('legacy', sa.Column('code', sa.String(length=8), primary_key=True))


def downgrade():
    op.drop_table('legacy')
    op.drop_table('ports')
    op.drop_table('tenants')
