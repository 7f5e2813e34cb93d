"""constraints"""
from alembic import op
import sqlalchemy as sa

revision = "d4"
down_revision = "c3"


def upgrade():
    op.create_foreign_key(
        "orders_referrer_fk", "orders", "accounts", ["referrer_id"], ["id"],
        ondelete="SET NULL", onupdate="CASCADE", deferrable=True, initially="DEFERRED",
    )
    op.create_unique_constraint("orders_coupon_key", "orders", ["coupon_code"])
    op.create_check_constraint("orders_total_positive", "orders", "total > 0")
    op.drop_constraint("accounts_balance_check", "accounts", type_="check")
    op.create_table("tokens", sa.Column("value", sa.String(64), nullable=False))
    op.create_primary_key("tokens_pkey", "tokens", ["value"])


def downgrade():
    op.drop_constraint("orders_coupon_key", "orders", type_="unique")
