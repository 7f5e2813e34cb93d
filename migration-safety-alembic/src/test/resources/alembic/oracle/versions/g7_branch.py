"""a branch from e5"""
from alembic import op
import sqlalchemy as sa

revision = "g7"
down_revision = "e5"


def upgrade():
    op.add_column("api_tokens", sa.Column("expires_at", sa.DateTime(timezone=True)))
    op.create_table_comment("api_tokens", "tokens for the public API")
    op.create_table(
        "api_scopes",
        sa.Column("token", sa.String(64)),
        sa.Column("scope", sa.String(32)),
        sa.Column("granted", sa.Integer()),
        sa.PrimaryKeyConstraint("token", "scope"),
    )


def downgrade():
    op.drop_column("api_tokens", "expires_at")
