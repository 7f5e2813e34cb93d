"""A new table: nothing uses it yet, so its index needs no special care.

Revision ID: a14c0ffee003
Revises: a13c0ffee002
"""
from alembic import op
import sqlalchemy as sa

revision = "a14c0ffee003"
down_revision = "a13c0ffee002"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "refunds",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), primary_key=True),
        sa.Column("order_id", sa.BigInteger(), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    )

    op.create_index("refunds_order_id_idx", "refunds", ["order_id"])


def downgrade():
    op.drop_table("refunds")
