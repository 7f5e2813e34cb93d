-- migration-safety:no-transaction
-- CONCURRENTLY builds the index without blocking writes; it cannot run in a transaction.
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status);
