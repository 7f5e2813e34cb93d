"""merge the two branches"""
from alembic import op

revision = "h8"
down_revision = ("f6", "g7")


def upgrade():
    op.drop_table("status_names")
    op.drop_index("ix_orders_coupon", table_name="orders")


def downgrade():
    pass
