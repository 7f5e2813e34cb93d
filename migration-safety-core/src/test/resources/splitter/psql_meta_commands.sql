-- statements: 7
-- meta-commands: 6
-- copy-data: 1
-- psql meta-commands belong to psql, not to the server: the splitter reports them, never runs them.
\set ON_ERROR_STOP on
\echo 'a meta-command argument; with a quote'
CREATE TABLE m (id int, label text);
\set label 'it''s; not SQL'
INSERT INTO m VALUES (1, 'one');
-- psql sends what stands before and after \; in one go, but they are two commands.
INSERT INTO m VALUES (2, 'two') \; INSERT INTO m VALUES (3, 'three');
\copy m from stdin
4	four; with a semicolon and an unclosed ' quote
\.
\echo the copy is done \\ SELECT count(*) FROM m;
\pset format unaligned
DO $$ BEGIN ASSERT (SELECT count(*) FROM m) = 4; END $$;
SELECT label FROM m ORDER BY id
