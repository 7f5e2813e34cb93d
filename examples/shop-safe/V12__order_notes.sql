-- A nullable column without a default: a catalog change, no rewrite.
-- Fail fast instead of queueing every query on orders behind this statement.
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN note text;
