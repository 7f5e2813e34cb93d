"""data and raw SQL: execute, bulk_insert, get_bind, rename_table"""
from alembic import op
import sqlalchemy as sa

revision = "e5"
down_revision = "d4"

STATUSES = ["new", "open", "closed"]


def upgrade():
    op.rename_table("tokens", "api_tokens")
    op.execute("UPDATE orders SET status = 'open' WHERE status = 'new'")
    op.execute(sa.text("DELETE FROM order_lines WHERE sku = ''"))
    op.execute(
        """
        CREATE TABLE status_names (
            name varchar(16) PRIMARY KEY
        )
        """
    )
    statuses = sa.table("status_names", sa.column("name", sa.String))
    op.bulk_insert(statuses, [{"name": s} for s in STATUSES] if False else [{"name": "new"}, {"name": "open"}])
    op.bulk_insert(
        sa.table("accounts", sa.column("id", sa.Integer), sa.column("name", sa.String), sa.column("active", sa.Boolean)),
        [{"id": 1, "name": "o'brien", "active": True}, {"id": 2, "name": "root", "active": False}],
    )
    op.get_bind().execute(sa.text("UPDATE accounts SET visits = 0 WHERE visits IS NULL"))


def downgrade():
    op.rename_table("api_tokens", "tokens")
