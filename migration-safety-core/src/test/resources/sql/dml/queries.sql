-- Queries in migrations: what they call and read matters.
SELECT set_config('lock_timeout', '5s', false);

SELECT pg_advisory_lock(4242);

SELECT pg_catalog.set_config('search_path', '', false);

SELECT setval('users_id_seq', (SELECT max(id) FROM users));

SELECT setval(pg_get_serial_sequence('orders', 'id'), coalesce(max(id), 1)) FROM orders;

SELECT u.id, o.total FROM users u JOIN public.orders o ON o.user_id = u.id WHERE o.total > 100 FOR UPDATE;

SELECT * FROM jobs WHERE state = 'queued' ORDER BY id LIMIT 10 FOR NO KEY UPDATE SKIP LOCKED;

SELECT n FROM generate_series(1, 10) AS g(n);

SELECT 1;

VALUES (1, 'one'), (2, now()::text);

TABLE schema_version;

SHOW lock_timeout;

SHOW ALL;

EXPLAIN SELECT * FROM orders WHERE id = 1;

EXPLAIN (ANALYZE, BUFFERS) UPDATE orders SET total = 0 WHERE id = 1;

EXPLAIN (ANALYZE false, FORMAT json) DELETE FROM orders;

EXPLAIN ANALYZE VERBOSE DELETE FROM orders WHERE id = 2;

-- SELECT INTO creates a table: CREATE TABLE AS in older spelling.
SELECT id, email INTO TEMP TABLE tmp_users FROM users WHERE active;

SELECT * INTO public.users_backup FROM users;

-- Valid PostgreSQL that JSqlParser 5.3 rejects, read from tokens.
SELECT name COLLATE "C" FROM countries ORDER BY 1;

SELECT a OPERATOR(pg_catalog.+) b FROM pairs;

SELECT * FROM ROWS FROM (generate_series(1, 3), unnest(ARRAY['a', 'b'])) AS r(n, s);
