-- statements: 7
-- Operators next to comments, numeric literals of every form, casts and array slices.

SELECT 0x1F AS hex, 0o17 AS oct, 0b101 AS bin, 1_000_000 AS big, .5 AS half, 1.5e-3 AS small,
  1E3 AS thousand, 2. AS two;
SELECT '{"a": {"b": 1}}'::jsonb #> '{a,b}' AS path, '[1, 2]'::jsonb @> '[1]' AS contains,
  '{"a": 1}'::jsonb ? 'a' AS has_key, '{"a": 1}'::jsonb ?| ARRAY['a'] AS any_key;
SELECT 5 -- a comment after a number
  - 2 AS three, 4-/*c*/-1 AS five, 6 /* c */ * 2 AS twelve;
SELECT @ -5 AS abs, |/ 16.0 AS root, 2 ^ 3 AS pow, 7 % 3 AS modulo, 1 <> 2 AS differ, 3 >= 2 AS ge;
SELECT (ARRAY[1, 2, 3])[2:3] AS slice, (ARRAY[1, 2])[2] AS second, '1'::int + 1 AS cast_sum;
SELECT x::int FROM (VALUES ('1'), ('2')) AS v(x) WHERE x::int BETWEEN 1 AND 2;
SELECT 1.5::numeric(3, 1) AS typed, -1 AS negative, - -1 AS positive
