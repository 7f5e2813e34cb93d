-- Backfills written the ways people write them.

-- One shot over the whole table.
UPDATE users SET email_lower = lower(email);

UPDATE users SET status = 'active' WHERE true;

UPDATE users SET status = 'active' WHERE 1 = 1;

-- A key range per batch.
UPDATE users SET email_lower = lower(email) WHERE id BETWEEN 1 AND 10000;

UPDATE users
   SET email_lower = lower(email)
 WHERE id >= 10000 AND id < 20000;

UPDATE users SET email_lower = lower(email) WHERE 20000 <= id AND id < 30000 AND email_lower IS NULL;

-- Keys from a limited subquery.
UPDATE users SET email_lower = lower(email)
WHERE id IN (SELECT id FROM users WHERE email_lower IS NULL ORDER BY id LIMIT 1000);

UPDATE users SET email_lower = lower(email)
WHERE id IN (SELECT id FROM users WHERE email_lower IS NULL LIMIT 1000 FOR UPDATE SKIP LOCKED);

UPDATE events SET processed = true
WHERE ctid = ANY(ARRAY(SELECT ctid FROM events WHERE NOT processed LIMIT 5000));

-- A few rows.
UPDATE users SET role = 'admin' WHERE id = 42;

UPDATE users u SET role = 'admin' WHERE u.id IN (1, 2, 3) RETURNING u.id, u.role;

UPDATE users SET flags = flags || '{"beta": true}'::jsonb WHERE id = ANY('{4,5,6}'::bigint[]);

-- Unbounded conditions.
UPDATE users SET email_lower = lower(email) WHERE email_lower IS NULL;

UPDATE orders SET archived = true WHERE created_at < now() - interval '90 days';

UPDATE users SET score = 0 WHERE id = 1 OR status = 'banned';

-- From another table.
UPDATE orders o SET customer_name = c.name FROM customers c WHERE o.customer_id = c.id;

-- Several columns, a row assignment, a default, a subscript.
UPDATE accounts SET (balance, updated_at) = (0, clock_timestamp()), note = DEFAULT, tags[1] = 'x' WHERE id = 7;

-- Keys from a limited subquery in FROM.
UPDATE users u SET email_lower = lower(u.email)
FROM (SELECT id FROM users WHERE email_lower IS NULL ORDER BY id LIMIT 1000) AS batch
WHERE u.id = batch.id;
