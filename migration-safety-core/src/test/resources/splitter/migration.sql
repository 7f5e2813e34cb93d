-- statements: 19
-- A migration as people write them.

SET lock_timeout = '5s';
SET statement_timeout TO 0;
CREATE SCHEMA IF NOT EXISTS app;

CREATE TABLE app.users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL CHECK (email ~ '^[^@;]+@[^@;]+$'),  -- no semicolons; please
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX CONCURRENTLY users_email_idx ON app.users (lower(email));

ALTER TABLE app.users ADD COLUMN status text DEFAULT 'active' NOT NULL;
ALTER TABLE app.users ADD CONSTRAINT status_check CHECK (status IN ('active', 'banned;')) NOT VALID;
ALTER TABLE app.users VALIDATE CONSTRAINT status_check;

CREATE OR REPLACE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.created_at := now();
  RETURN NEW;
END;
$$;

CREATE TRIGGER users_touch BEFORE UPDATE ON app.users
  FOR EACH ROW EXECUTE FUNCTION app.touch();

COMMENT ON TABLE app.users IS 'People; who sign in. It''s "the" table';

INSERT INTO app.users (email) VALUES ('a@example.com'), ('b@example.com');
UPDATE app.users SET status = 'banned;' WHERE email = 'b@example.com';
CREATE VIEW app.active_users AS SELECT id, email FROM app.users WHERE status = 'active';
GRANT SELECT ON app.active_users TO PUBLIC;
CREATE TYPE app.mood AS ENUM ('sad', 'ok; fine', 'happy');
ALTER TYPE app.mood ADD VALUE 'ecstatic' AFTER 'happy';
RESET lock_timeout;
SELECT count(*) FROM app.active_users;
