"""columns: add, drop, alter"""
from alembic import op
import sqlalchemy as sa

revision = "b2"
down_revision = "a1"


def upgrade():
    op.add_column("orders", sa.Column("coupon", sa.String(length=20), nullable=True))
    op.add_column("orders", sa.Column("priority", sa.Integer(), server_default="0", nullable=False))
    op.add_column("orders", sa.Column("referrer_id", sa.Integer(), sa.ForeignKey("accounts.id"), nullable=True))
    op.drop_column("accounts", "bio")
    op.alter_column("orders", "note", existing_type=sa.Text(), nullable=False)
    op.alter_column("orders", "coupon", existing_type=sa.String(length=20), type_=sa.String(length=40))
    op.alter_column("orders", "status", server_default="open")
    op.alter_column("orders", "priority", server_default=None)
    op.alter_column("orders", "coupon", new_column_name="coupon_code")
    op.alter_column(
        "accounts", "visits", type_=sa.Integer(), existing_type=sa.BigInteger(),
        postgresql_using="visits::integer", existing_nullable=True,
    )
    op.alter_column("accounts", "name", nullable=True, server_default=sa.text("'anonymous'"))


def downgrade():
    pass
