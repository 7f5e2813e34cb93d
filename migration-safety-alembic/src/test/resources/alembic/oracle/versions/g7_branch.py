"""a branch from e5"""
from alembic import op
import sqlalchemy as sa

revision = "g7"
down_revision = "e5"


def upgrade():
    op.add_column("api_tokens", sa.Column("expires_at", sa.DateTime(timezone=True)))
    op.create_table_comment("api_tokens", "tokens for the public API")


def downgrade():
    op.drop_column("api_tokens", "expires_at")
