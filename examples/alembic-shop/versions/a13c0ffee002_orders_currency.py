"""Multi-currency: the column, a backfill and a wider amount, all in one go.

Revision ID: a13c0ffee002
Revises: a12c0ffee001
"""
from alembic import op
import sqlalchemy as sa

revision = "a13c0ffee002"
down_revision = "a12c0ffee001"
branch_labels = None
depends_on = None

DEFAULT_CURRENCY = "EUR"


def upgrade():
    op.add_column("orders", sa.Column("currency", sa.CHAR(3), nullable=False))
    op.execute(f"UPDATE orders SET currency = '{DEFAULT_CURRENCY}'")
    op.alter_column("orders", "total_cents", type_=sa.BigInteger(), existing_type=sa.Integer())


def downgrade():
    pass
