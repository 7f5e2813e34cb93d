-- statements: 7
-- copy-data: 3
-- COPY … FROM stdin: the lines after the statement, up to a line holding only \., are data,
-- whatever they look like.

CREATE TABLE items (id int PRIMARY KEY, name text, note text);

COPY items (id, name, note) FROM stdin; -- a comment after the statement, on its line
1	semi;colon	it's "quoted"
2	dollar $$ unclosed	/* not a comment
3	\N	-- nor this; '
4	tab\there	DROP TABLE items;
\.

copy items FROM STDIN WITH (FORMAT csv, HEADER true);
id,name,note
5,"comma, and ""quotes""",'single
6,"a;b",$tag$
\.

SELECT count(*) FROM items;

COPY items (id, name) FROM stdin;
7	right after the statement
\.
DO $$
BEGIN
  ASSERT (SELECT count(*) FROM items) = 7;
  ASSERT (SELECT name FROM items WHERE id = 1) = 'semi;colon';
  ASSERT (SELECT note FROM items WHERE id = 1) = 'it''s "quoted"';
  ASSERT (SELECT name FROM items WHERE id = 3) IS NULL;
  ASSERT (SELECT name FROM items WHERE id = 4) = E'tab\there';
  ASSERT (SELECT note FROM items WHERE id = 4) = 'DROP TABLE items;';
  ASSERT (SELECT name FROM items WHERE id = 5) = 'comma, and "quotes"';
  ASSERT (SELECT note FROM items WHERE id = 5) = '''single';
  ASSERT (SELECT note FROM items WHERE id = 6) = '$tag$';
END
$$;
SELECT name FROM items ORDER BY id
