-- The query is kept as written; trailing CHECK OPTION and WITH DATA are not part of it.
CREATE VIEW active_users AS SELECT id, email FROM users WHERE active;
CREATE OR REPLACE VIEW public.v (a, "B") AS SELECT 1, 2;
CREATE TEMP VIEW t AS SELECT * FROM pg_class;
CREATE OR REPLACE TEMPORARY RECURSIVE VIEW nums (n) AS VALUES (1) UNION ALL SELECT n + 1 FROM nums WHERE n < 10;
CREATE VIEW secure WITH (security_barrier = true, security_invoker) AS SELECT * FROM accounts WHERE owner = current_user WITH LOCAL CHECK OPTION;
CREATE VIEW checked AS SELECT * FROM t WHERE x > 0 WITH CHECK OPTION;
CREATE VIEW cascaded AS SELECT * FROM t WITH CASCADED CHECK OPTION;
CREATE VIEW ctes AS WITH local AS (SELECT 1 AS x) SELECT x FROM local;
