"""indexes: every create_index / drop_index argument"""
from alembic import op
import sqlalchemy as sa

revision = "c3"
down_revision = "b2"


def upgrade():
    op.create_index("ix_orders_status", "orders", ["status"])
    op.create_index(op.f("ix_orders_account_total"), "orders", ["account_id", "total"], unique=True)
    op.create_index("ix_orders_open", "orders", ["account_id"], postgresql_where=sa.text("status = 'open'"))
    op.create_index("ix_accounts_settings", "accounts", ["settings"], postgresql_using="gin")
    op.create_index("ix_orders_cover", "orders", ["account_id"], postgresql_include=["total", "status"])
    op.create_index("ix_accounts_lower_name", "accounts", [sa.text("lower(name)")])
    with op.get_context().autocommit_block():
        op.create_index("ix_orders_coupon", "orders", ["coupon_code"], postgresql_concurrently=True)
        op.drop_index("ix_orders_status", table_name="orders", postgresql_concurrently=True)
    op.drop_index("ix_orders_open", table_name="orders")


def downgrade():
    op.drop_index("ix_orders_coupon", table_name="orders")
