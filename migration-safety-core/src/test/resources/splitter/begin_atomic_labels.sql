-- statements: 8
-- Words that end or open a block in psql's BEGIN … END counting but are only labels to the
-- server: a column alias after AS, a field after a dot, a function named begin. The server's
-- grammar decides: BEGIN opens a body only before ATOMIC.

CREATE TABLE period (lo int, hi int);
INSERT INTO period VALUES (1, 5);

CREATE FUNCTION bounds() RETURNS TABLE (b int, e int) LANGUAGE sql
BEGIN ATOMIC
  SELECT p.begin, p.end FROM (SELECT lo AS begin, hi AS end FROM period) AS p;
END;

CREATE FUNCTION only_end() RETURNS int LANGUAGE sql
BEGIN ATOMIC
  SELECT hi AS end FROM period;
END;

CREATE FUNCTION only_begin() RETURNS int LANGUAGE sql
BEGIN ATOMIC
  SELECT lo AS begin FROM period;
END;

CREATE FUNCTION begin() RETURNS int LANGUAGE sql RETURN 7;

CREATE PROCEDURE labelled_case() LANGUAGE sql
BEGIN ATOMIC
  SELECT CASE WHEN true THEN 1 END AS case, t.case FROM (SELECT 2 AS case) AS t;
END;

SELECT b + e + only_end() + only_begin() + begin() FROM bounds()
