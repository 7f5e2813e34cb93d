-- Not modelled, or not DROP statements at all: never guessed.
DROP OWNED BY old_role CASCADE;
DROP DATABASE scratch WITH (FORCE);
DROP COLUMN x;
DROP TABLE t1 t2;
DROP INDEX;
DROP WIDGET w;
DROP TRIGGER t;
DROP CAST (bigint);
