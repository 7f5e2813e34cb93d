-- statements: 7
-- copy-data: 1
-- Windows line ends (CR LF) throughout, also inside strings, comments and COPY data.
CREATE TABLE w (id int, body text);
INSERT INTO w VALUES (1, E'line one;'
  'line two\'s');
/* a block comment
   over lines; */ INSERT INTO w VALUES (2, $$dollar
quoted; over lines$$); -- trailing; comment
COPY w FROM stdin;
3	copy; row
4	another 'row
\.
SELECT count(*) -- a comment ending at CR LF
  FROM w;
DO $$ BEGIN ASSERT (SELECT count(*) FROM w) = 4; ASSERT (SELECT body FROM w WHERE id = 1) = 'line one;line two''s'; END $$;
SELECT body
FROM w
ORDER BY id
