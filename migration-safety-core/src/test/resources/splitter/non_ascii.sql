-- statements: 8
-- Non-ASCII identifiers and text, tabs, and characters outside the Basic Multilingual Plane
-- (two UTF-16 code units each: columns after them count both).

CREATE TABLE café (naïve text, "日本語" int, ζ int);
INSERT INTO café VALUES ('ünïcödé; ☃', 1, 2);
INSERT INTO café VALUES ('😀; 🎉', 3, 4); INSERT INTO café VALUES ('𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 5, 6);
	SELECT	naïve,	"日本語" + ζ AS total	FROM café	WHERE naïve LIKE '%;%';
SELECT $ü$;$ü$ AS tag, 'Ελληνικά; русский; עברית' AS scripts;
DO $$ BEGIN ASSERT (SELECT sum(ζ) FROM café) = 12; ASSERT (SELECT count(*) FROM café WHERE naïve LIKE '😀%') = 1; END $$;
SELECT naïve AS "résumé; ☃" FROM café ORDER BY ζ
