-- Statements JSqlParser 5.3 does not take; the token reading finds the same facts.
UPDATE ONLY users SET status = 'x' WHERE id = 5;

UPDATE users SET name = E'O\'Brien' WHERE id = 6;

UPDATE users SET name = 'x' WHERE name COLLATE "C" > 'm' AND name COLLATE "C" <= 'n';

UPDATE users SET bio = $$it's; fine$$ WHERE id IN (SELECT id FROM users WHERE bio IS NULL LIMIT :batch_size);

UPDATE users SET score = score OPERATOR(pg_catalog.+) 1 WHERE id BETWEEN :lo AND :hi;

DELETE FROM users WHERE CURRENT OF users_cursor;

-- Not statements at all.
UPDATE SET x = 1;

DELETE users WHERE id = 1;

INSERT INTO t;

WITH x AS (SELECT 1);

UPDATE t SET a = (1 WHERE id = 1;
