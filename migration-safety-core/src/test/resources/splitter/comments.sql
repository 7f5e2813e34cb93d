-- statements: 10
-- Comments: PostgreSQL's block comments nest, and neither kind ends a statement; quotes and
-- semicolons inside them are nothing. Here is one: ' and " and $$ and ; and /* (unbalanced).

/* A block comment; with 'quotes' and "double quotes" and $$ dollars.
   /* Nested /* twice */ still; inside */
   -- a dash-dash inside a block comment is nothing either */
CREATE TABLE c (x int /* ; */, y int -- ; ' "
);

INSERT INTO c VALUES (1, /* nested /* ; */ ; */ 2);
INSERT INTO c VALUES (3, 4) -- the terminator follows on the next line
;
SELECT 2*/*star-slash after an operator*/3 AS six, 7-- minus minus is a comment
 AS seven;
SELECT 10 /**/ + /***/ 1 /* */ AS eleven;
SELECT '/* not a comment' AS a, '-- nor this' AS b, "x" FROM (SELECT 1 AS "x") AS "/*";
SELECT 1 +-- the operator stops before the comment
2 AS three;
/* a comment at the start */ SELECT 4 /* and at the end */;
SELECT count(*) FROM c /* a comment and then the end of a statement */;
DO $$ BEGIN ASSERT (SELECT sum(x + y) FROM c) = 10; END $$;
-- a comment after the last statement; '
/* and a block one ; */
