-- statements: 7
-- DO blocks: the body is a string constant of any kind.

CREATE TABLE d (a int);
DO $$ BEGIN RAISE NOTICE 'semi; colon'; END $$;
DO LANGUAGE plpgsql $do$ DECLARE x int := 1; BEGIN x := x + 1; RAISE NOTICE '%', x; END $do$;
DO $body$ BEGIN PERFORM 1; END $body$ LANGUAGE plpgsql;
DO 'BEGIN RAISE NOTICE ''quoted body; with semicolons''; END';
DO E'BEGIN INSERT INTO d VALUES (0); RAISE NOTICE \'escaped body; \\ backslash\'; END';
DO $$
DECLARE
  total int := 0;
BEGIN
  FOR i IN 1..3 LOOP
    INSERT INTO d VALUES (i);
  END LOOP;
  IF (SELECT count(*) FROM d) = 4 THEN
    RAISE NOTICE 'four rows; good';
  ELSE
    RAISE EXCEPTION 'expected four rows';
  END IF;
END
$$;
