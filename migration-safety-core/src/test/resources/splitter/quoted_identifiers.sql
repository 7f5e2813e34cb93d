-- statements: 6
-- Quoted identifiers hold anything but a lone double quote: semicolons, quotes, comment starts.

CREATE TABLE "semi;colon" ("a""b" int, "it's" int, "-- not a comment" int, "/* nor this" int,
  "$$" int, "begin" int, "end" int);
INSERT INTO "semi;colon" VALUES (1, 2, 3, 4, 5, 6, 7);
SELECT "a""b", "it's", "-- not a comment", "/* nor this", "$$", "begin", "end" FROM "semi;colon";
CREATE INDEX "idx;""x" ON "semi;colon" ("a""b");
-- The body's tag must differ from the "$$" it quotes: a dollar quote ends at its tag, anywhere.
DO $check$
BEGIN
  ASSERT (SELECT "a""b" + "$$" FROM "semi;colon") = 6;
  ASSERT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'idx;"x');
END
$check$;
SELECT 'done'
;
