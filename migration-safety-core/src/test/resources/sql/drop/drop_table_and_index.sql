-- Tables, indexes and views: the common cases.
DROP TABLE orders;
drop table if exists public.orders, "Audit".log cascade;
DROP TABLE t RESTRICT;
DROP INDEX CONCURRENTLY IF EXISTS idx_orders_created_at;
DROP INDEX concurrently "IdxMixed";
DROP INDEX s.i1, s.i2;
DROP VIEW IF EXISTS v_orders CASCADE;
DROP MATERIALIZED VIEW IF EXISTS reporting.daily_totals;
DROP FOREIGN TABLE remote_orders;
DROP SEQUENCE IF EXISTS orders_id_seq;
DROP TYPE IF EXISTS order_status CASCADE;
DROP DOMAIN positive_int;
DROP COLLATION german;
DROP STATISTICS IF EXISTS s.orders_stats;
DROP TEXT SEARCH CONFIGURATION my_fts;
DROP CONVERSION myconv;
