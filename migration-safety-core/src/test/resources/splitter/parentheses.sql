-- statements: 6
-- Semicolons inside parentheses do not end a statement (psql counts parentheses). The server
-- takes them in one place: a rule with several actions.

CREATE TABLE src (a int);
CREATE TABLE log (a int, note text);
CREATE RULE log_insert AS ON INSERT TO src DO ALSO (
  INSERT INTO log VALUES (NEW.a, 'first; action');
  INSERT INTO log VALUES (NEW.a * 10, 'second; action');
);
INSERT INTO src VALUES (1);
SELECT ((1 + (2 * 3))) AS nested, ARRAY[(1), (2)] AS arr, ')' AS paren_in_string, "(" FROM (SELECT 1 AS "(") AS p;
DO $$ BEGIN ASSERT (SELECT count(*) FROM log) = 2; END $$;
