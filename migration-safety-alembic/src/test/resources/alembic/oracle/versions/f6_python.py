"""python constructs: constants, f-strings, loops, batch_alter_table"""
from alembic import op
import sqlalchemy as sa

revision = "f6"
down_revision = "e5"

TABLE = "orders"
AUDITED = ("orders", "accounts")
PREFIX = "ix"


def _timestamps(table):
    op.add_column(table, sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))


def upgrade():
    for table in AUDITED:
        _timestamps(table)
    for name, column in [("archived", "archived_at"), ("deleted", "deleted_at")]:
        op.add_column(TABLE, sa.Column(column, sa.DateTime()))
        op.create_index(f"{PREFIX}_{TABLE}_{name}", TABLE, [column])
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("locale", sa.String(length=8), server_default="en"))
        batch_op.alter_column("locale", nullable=False)
        batch_op.create_index("ix_accounts_locale", ["locale"])
        batch_op.create_unique_constraint("accounts_email_locale_key", ["email", "locale"])
        batch_op.drop_column("born")
    op.execute("COMMENT ON TABLE %s IS 'placed orders'" % TABLE)
    op.execute("ANALYZE {}".format(TABLE))


def downgrade():
    pass
