-- Multi-currency: the column, a backfill and a wider amount, all in one go.
ALTER TABLE orders ADD COLUMN currency char(3) NOT NULL;
UPDATE orders SET currency = 'EUR';
ALTER TABLE orders ALTER COLUMN total_cents TYPE bigint;
