"""Offline-only environment: `alembic upgrade heads --sql` writes PostgreSQL without a database."""
from alembic import context

context.configure(dialect_name="postgresql", literal_binds=True, transactional_ddl=True)

with context.begin_transaction():
    context.run_migrations()
