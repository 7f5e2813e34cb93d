-- Seed data and copies.
INSERT INTO roles (id, name) VALUES (1, 'admin'), (2, 'member'), (3, 'guest');

INSERT INTO settings (key, value, updated_at)
VALUES ('theme', '{"dark": true}'::jsonb, NULL),
       ('limit', '{}', DEFAULT);

INSERT INTO counters VALUES (-1, true, interval '1 day', date '2024-01-01', CAST('7' AS integer), ARRAY['a', 'b']);

INSERT INTO events (id, created_at) VALUES (gen_random_uuid(), now());

INSERT INTO flags DEFAULT VALUES;

INSERT INTO users_archive (id, email) SELECT id, email FROM users WHERE deleted_at IS NOT NULL;

INSERT INTO roles (id, name) VALUES (4, 'owner') ON CONFLICT (id) DO NOTHING;

INSERT INTO roles AS r (id, name) VALUES (4, 'owner')
ON CONFLICT ON CONSTRAINT roles_pkey DO UPDATE SET name = EXCLUDED.name, updated_at = now()
WHERE r.name IS DISTINCT FROM EXCLUDED.name
RETURNING r.id;

INSERT INTO users (id, name) OVERRIDING SYSTEM VALUE VALUES (1, 'root') RETURNING *;

INSERT INTO snapshots (taken_at, total) SELECT now(), count(*) FROM orders ON CONFLICT DO NOTHING;

INSERT INTO notes (body) VALUES ($body$It's "quoted"; with a semicolon$body$), (E'line\nbreak');

INSERT INTO t (a) VALUES (:'value');
