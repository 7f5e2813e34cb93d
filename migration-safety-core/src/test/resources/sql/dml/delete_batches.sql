-- Deletes, whole-table and batched.
DELETE FROM audit_log;

DELETE FROM audit_log WHERE created_at < '2023-01-01';

DELETE FROM audit_log WHERE created_at >= '2022-01-01' AND created_at < '2022-02-01';

-- (The WHERE stays on one line here: text kept as written keeps its line ends, and this file also
-- runs with CRLF ones. Multi-line conditions are in DmlStatementsTest.)
DELETE FROM audit_log
WHERE id IN (SELECT id FROM audit_log WHERE created_at < now() - interval '1 year' ORDER BY id LIMIT 10000);

DELETE FROM sessions WHERE id = (SELECT id FROM sessions ORDER BY last_seen LIMIT 1);

DELETE FROM sessions s USING users u WHERE s.user_id = u.id AND u.deleted RETURNING s.id;

DELETE FROM ONLY measurements WHERE sensor_id = 17;

DELETE FROM tokens WHERE token = 'abc' COLLATE "C";

DELETE FROM jobs WHERE id = :'job_id';

DELETE FROM public.jobs j WHERE j.status IN ('done', 'failed') AND j.finished_at < now() - interval '7 days';
