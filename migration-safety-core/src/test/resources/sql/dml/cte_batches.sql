-- Batches written with CTEs.
WITH batch AS (
  SELECT id FROM users WHERE email_lower IS NULL ORDER BY id LIMIT 1000
)
UPDATE users SET email_lower = lower(email) FROM batch WHERE users.id = batch.id;

WITH batch AS (SELECT id FROM users WHERE email_lower IS NULL LIMIT 1000 FOR UPDATE SKIP LOCKED)
UPDATE users SET email_lower = lower(email) WHERE id IN (SELECT id FROM batch);

-- Data-modifying CTEs: one data change per modifying statement.
WITH moved AS (
  DELETE FROM events WHERE created_at < '2024-01-01' RETURNING *
)
INSERT INTO events_archive SELECT * FROM moved;

WITH touched AS (
  UPDATE accounts SET balance = 0 WHERE id = 1 RETURNING id
), logged AS (
  INSERT INTO audit (account_id, at) SELECT id, clock_timestamp() FROM touched RETURNING 1
)
SELECT count(*) FROM logged;

-- Plain WITH … SELECT is a query; CTE names are not tables.
WITH RECURSIVE tree (id, parent_id) AS (
  SELECT id, parent_id FROM categories WHERE parent_id IS NULL
  UNION ALL
  SELECT c.id, c.parent_id FROM categories c JOIN tree t ON c.parent_id = t.id
)
SELECT count(*) FROM tree;

WITH stale AS MATERIALIZED (SELECT id FROM sessions WHERE last_seen < now() - interval '30 days')
DELETE FROM sessions WHERE id IN (SELECT id FROM stale);

WITH src AS NOT MATERIALIZED (SELECT 1 AS id) SELECT * FROM src;

WITH batch AS (SELECT id FROM sessions WHERE expired ORDER BY id LIMIT 500)
DELETE FROM sessions s USING batch b WHERE s.id = b.id;
