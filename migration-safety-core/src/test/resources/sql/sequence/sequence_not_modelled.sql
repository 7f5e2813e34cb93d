-- Junk after a sequence statement is never accepted.
ALTER SEQUENCE s;
ALTER SEQUENCE s INCREMENT BY many;
CREATE SEQUENCE s RESTART 1;
ALTER SEQUENCE s RENAME TO t extra;
