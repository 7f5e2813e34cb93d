-- statements: 15
-- SQL-standard function bodies. psql does not end a statement at a semicolon inside
-- CREATE [OR REPLACE] FUNCTION|PROCEDURE … BEGIN ATOMIC … END, and counts CASE … END inside.

CREATE TABLE audit (id int, kind text);

CREATE FUNCTION classify(n int) RETURNS text LANGUAGE sql
BEGIN ATOMIC
  INSERT INTO audit VALUES (n, 'classify');
  SELECT CASE WHEN n < 0 THEN 'negative'
              WHEN n = 0 THEN CASE WHEN true THEN 'zero' END
              ELSE 'positive' END;
END;

create or replace function twice(n int) returns int language sql
begin atomic
  select (case when n is null then 0 end);
  select n * 2;
end;

CREATE PROCEDURE record(n int) LANGUAGE sql
BEGIN ATOMIC
  INSERT INTO audit VALUES (n, 'record; with a semicolon');
  INSERT INTO audit VALUES (n + 1, 'second');
END;

CREATE OR REPLACE PROCEDURE record_quoted(n int)
LANGUAGE sql
BEGIN ATOMIC
  -- comments; with semicolons; END
  /* END; */
  INSERT INTO audit VALUES (n, 'END; in a string');
  INSERT INTO audit SELECT n, "end" FROM (SELECT 'quoted end' AS "end") AS e;
END /* the end */ ;

-- In a transaction block: this BEGIN is a statement of its own, the one inside the function is not.
BEGIN;
CREATE FUNCTION in_tx() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;
COMMIT;

-- The RETURN form has no BEGIN: its CASE … END is not counted.
CREATE FUNCTION sign_of(n int) RETURNS int LANGUAGE sql RETURN CASE WHEN n < 0 THEN -1 ELSE 1 END;

-- A PL/pgSQL body with nested BEGIN … END blocks is a dollar-quoted string: nothing to count.
CREATE FUNCTION nested_blocks() RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  BEGIN
    RETURN 1 / 0;
  EXCEPTION WHEN division_by_zero THEN
    BEGIN RETURN 2; END;
  END;
END
$$;

-- Parameters named begin and end are inside parentheses: not counted.
CREATE FUNCTION add_range(begin int, "end" int) RETURNS int LANGUAGE sql
BEGIN ATOMIC SELECT "begin" + "end"; END;

CALL record(10);
CALL record_quoted(20);
SELECT classify(-1), classify(0), classify(5), twice(21), in_tx(), sign_of(-3), nested_blocks(),
  add_range(1, 2);
DO $$
BEGIN
  ASSERT (SELECT count(*) FROM audit) = 7;
  ASSERT classify(0) = 'zero' AND twice(21) = 42 AND in_tx() = 2 AND nested_blocks() = 2;
END
$$;
