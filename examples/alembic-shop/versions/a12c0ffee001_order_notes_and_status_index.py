"""Notes on orders, and a faster lookup by status.

Revision ID: a12c0ffee001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "a12c0ffee001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("orders", sa.Column("note", sa.Text()))

    op.create_index("orders_status_idx", "orders", ["status"])


def downgrade():
    op.drop_index("orders_status_idx", table_name="orders")
    op.drop_column("orders", "note")
