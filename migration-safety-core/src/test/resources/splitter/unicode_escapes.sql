-- statements: 7
-- U&'…' strings and U&"…" identifiers, with and without UESCAPE.

CREATE TABLE U&"t\0061ble;" (U&"c!0061l" UESCAPE '!' int) ;
ALTER TABLE U&"t\0061ble;" RENAME COLUMN U&"c\0061l" TO "cal; renamed";
INSERT INTO "table;" VALUES (1);
SELECT U&'d\0061t\+000061; ok' AS plain,
       U&'d!0061t!+000061;' UESCAPE '!' AS custom_escape,
       u&'lower\0020case' AS lower_prefix;
SELECT U&'it''s; \0041' AS doubled_quote, U&'a'
  '\0062' AS continued;
DO $$
BEGIN
  ASSERT (SELECT "cal; renamed" FROM "table;") = 1;
  ASSERT U&'d!0061t!+000061;' UESCAPE '!' = 'data;';
  ASSERT U&'it''s; \0041' = 'it''s; A';
END
$$;
SELECT 1 AS "U&" -- a quoted identifier that merely looks like a prefix
