-- statements: 15
-- Dollar quoting: tags that look like identifiers, nested different tags, the empty tag,
-- positional parameters, and identifiers that contain "$".

CREATE TABLE a$b (c$d int, "e$f" text);

CREATE FUNCTION plus_one(int) RETURNS int LANGUAGE sql IMMUTABLE AS $function$
  SELECT $1 + 1; -- a semicolon inside the body
$function$;

CREATE FUNCTION outer_inner() RETURNS text LANGUAGE plpgsql AS $outer$
DECLARE
  q text := $inner$ SELECT 'it''s; $outer not closed $$ here' $inner$;
BEGIN
  RETURN $_$;$_$ || $body$ END; $body$ || q;
END
$outer$;

CREATE FUNCTION empty_tag() RETURNS text LANGUAGE sql AS $$ SELECT ';' || $x$;$x$ $$;

-- Identifiers may contain "$", so neither a$$ nor b$$ starts a dollar quote.
SELECT 1 AS a$$;SELECT 2 AS b$$;

-- $1 is a parameter, never a tag: tags cannot start with a digit.
PREPARE add_two(int) AS SELECT $1 + 2;
EXECUTE add_two(40);

-- The closing tag is the first identical one; a longer look-alike does not close it.
SELECT $tag$ $tagx$ $ta $tag_ $tag$ AS lookalikes;

-- A non-ASCII tag, and a tag right after an operator.
SELECT 'x'||$é$;$é$ AS accented_tag;

INSERT INTO a$b (c$d, "e$f") VALUES (plus_one(41), outer_inner());
INSERT INTO a$b VALUES (3, empty_tag());

DO $do$
BEGIN
  EXECUTE $sql$ INSERT INTO a$b VALUES (4, 'from; do') $sql$;
END
$do$;

DO $check$
BEGIN
  ASSERT (SELECT count(*) FROM a$b) = 3, 'three rows';
  ASSERT (SELECT c$d FROM a$b WHERE c$d = 42) = 42, 'plus_one';
  ASSERT (SELECT "e$f" FROM a$b WHERE c$d = 42) = '; END;  SELECT ''it''''s; $outer not closed $$ here'' ', outer_inner();
  ASSERT empty_tag() = ';;', empty_tag();
END
$check$;

SELECT $q$it's $$ quoted$q$ = 'it''s $$ quoted' AS same
