-- Junk after a sequence statement is never accepted.
ALTER SEQUENCE s;
ALTER SEQUENCE s INCREMENT BY many;
ALTER SEQUENCE s RENAME TO t extra;
