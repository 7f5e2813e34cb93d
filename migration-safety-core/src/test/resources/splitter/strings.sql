-- statements: 13
-- String constants: E'' with backslash escapes, standard strings (standard_conforming_strings
-- on: a backslash is an ordinary character), continuation across lines, bit and hex strings.

CREATE TABLE s (k text PRIMARY KEY, v text);

INSERT INTO s VALUES ('e1', E'it\'s; a \\ backslash; \\');
INSERT INTO s VALUES ('e2', e'tab\there\nnew line; \x41\101\u0042');
INSERT INTO s VALUES ('e3', E'\'');
INSERT INTO s VALUES ('std1', 'C:\path\to\file; it''s');
INSERT INTO s VALUES ('std2', '\');
INSERT INTO s VALUES ('std3', '''; DROP TABLE s; --');

-- A string continues over a line break; an E string's continuation still takes escapes.
INSERT INTO s VALUES ('cont1', 'first; '
    'second');
INSERT INTO s VALUES ('cont2', E'one\n' -- a comment may sit before the line break
  'two\'s; three');
INSERT INTO s VALUES ('cont3', E'x'

  -- and comment lines between the parts
  '\'');

SELECT B'1010' | B'0101', X'1F' AS hex, N'national; text' AS n;

DO $$
BEGIN
  ASSERT (SELECT v FROM s WHERE k = 'e1') = 'it''s; a \ backslash; \';
  ASSERT (SELECT v FROM s WHERE k = 'e2') = E'tab\there\nnew line; AAB';
  ASSERT (SELECT v FROM s WHERE k = 'e3') = '''';
  ASSERT (SELECT v FROM s WHERE k = 'std1') = E'C:\\path\\to\\file; it''s';
  ASSERT (SELECT v FROM s WHERE k = 'std2') = E'\\';
  ASSERT (SELECT v FROM s WHERE k = 'std3') = '''; DROP TABLE s; --';
  ASSERT (SELECT v FROM s WHERE k = 'cont1') = 'first; second';
  ASSERT (SELECT v FROM s WHERE k = 'cont2') = E'one\ntwo''s; three';
  ASSERT (SELECT v FROM s WHERE k = 'cont3') = 'x''';
END
$$;

SELECT count(*) FROM s
