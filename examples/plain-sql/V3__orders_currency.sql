-- Multi-currency: a backfill, then the constraint, all in one go.
ALTER TABLE orders ADD COLUMN currency char(3);
UPDATE orders SET currency = 'EUR';
ALTER TABLE orders ALTER COLUMN currency SET NOT NULL;
ALTER TABLE orders ALTER COLUMN total_cents TYPE bigint;
ALTER TYPE order_status ADD VALUE 'refunded' AFTER 'shipped';
