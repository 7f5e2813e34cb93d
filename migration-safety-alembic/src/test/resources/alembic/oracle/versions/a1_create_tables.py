"""create tables: every column type and table-level construct

Revision ID: a1
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "a1"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("email", sa.String(255), unique=True),
        sa.Column("bio", sa.Text()),
        sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("seen_at", sa.DateTime()),
        sa.Column("balance", sa.Numeric(12, 2), server_default="0"),
        sa.Column("ratio", sa.Numeric()),
        sa.Column("visits", sa.BigInteger(), server_default=sa.text("0")),
        sa.Column("settings", postgresql.JSONB(), server_default=sa.text("'{}'::jsonb")),
        sa.Column("external_id", postgresql.UUID(as_uuid=True)),
        sa.Column("tags", postgresql.ARRAY(sa.String(length=20))),
        sa.Column("scores", postgresql.ARRAY(sa.Integer())),
        sa.Column("mood", sa.Enum("happy", "sad", name="mood")),
        sa.Column("born", sa.Date()),
        sa.Column("region", sa.String(length=20), index=True),
        sa.Column("Nickname", sa.String(length=40), comment="shown to others"),
        sa.PrimaryKeyConstraint("id", name="accounts_pkey"),
        sa.CheckConstraint("balance >= 0", name="accounts_balance_check"),
        sa.UniqueConstraint("name", "region", name="accounts_name_region_key"),
    )
    op.create_table(
        "orders",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("total", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), server_default="new", nullable=False),
    )
    op.create_table(
        "order_lines",
        sa.Column("order_id", sa.BigInteger(), nullable=False),
        sa.Column("line_no", sa.SmallInteger(), nullable=False),
        sa.Column("sku", sa.String(32), nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name="order_lines_order_fk", onupdate="CASCADE"),
        sa.PrimaryKeyConstraint("order_id", "line_no"),
    )


def downgrade():
    op.drop_table("order_lines")
    op.drop_table("orders")
    op.drop_table("accounts")
