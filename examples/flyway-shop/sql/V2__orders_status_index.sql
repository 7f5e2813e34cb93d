-- Flyway runs this script outside a transaction by itself: it holds CREATE INDEX CONCURRENTLY.
-- (Run Flyway with postgresql.transactional.lock=false, or the build waits on Flyway's own lock.)
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON ${flyway:defaultSchema}.orders (status);
