"""Online environment: runs the revisions on the database named by MIGRATION_SAFETY_TEST_URL."""
import os

from alembic import context
from sqlalchemy import create_engine

engine = create_engine(os.environ["MIGRATION_SAFETY_TEST_URL"])
with engine.connect() as connection:
    context.configure(connection=connection, transactional_ddl=True)
    with context.begin_transaction():
        context.run_migrations()
