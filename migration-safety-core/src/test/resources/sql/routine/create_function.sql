-- Bodies, return types and attributes in any order (single-line bodies: multi-line ones are in RoutineStatementsTest).
CREATE FUNCTION add(a integer, b integer) RETURNS integer AS 'select a + b' LANGUAGE SQL IMMUTABLE;
CREATE OR REPLACE FUNCTION public.set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
CREATE FUNCTION f(IN x int DEFAULT 1, OUT y text) RETURNS SETOF record STABLE STRICT SECURITY DEFINER SET search_path = public, pg_temp PARALLEL SAFE COST 100 ROWS 10 AS $f$ SELECT 1 $f$ LANGUAGE 'SQL';
CREATE FUNCTION t() RETURNS TABLE (id bigint, name text) LANGUAGE sql STABLE AS $$ SELECT 1, 'a' $$;
CREATE FUNCTION c_fn(int) RETURNS double precision AS '$libdir/myext', 'c_fn' LANGUAGE C STRICT;
CREATE FUNCTION ts() RETURNS timestamp with time zone CALLED ON NULL INPUT VOLATILE EXTERNAL SECURITY INVOKER NOT LEAKPROOF LANGUAGE plpgsql AS 'begin return now(); end';
CREATE FUNCTION n(x int) RETURNS int RETURNS NULL ON NULL INPUT SET work_mem TO '64MB' SET statement_timeout FROM CURRENT SUPPORT my_support LEAKPROOF WINDOW AS 'x' LANGUAGE internal;
CREATE FUNCTION add2(a int, b int) RETURNS int LANGUAGE SQL IMMUTABLE RETURN a + b;
CREATE FUNCTION one() RETURNS int BEGIN ATOMIC SELECT 1; END;
CREATE FUNCTION tr(hstore) RETURNS text TRANSFORM FOR TYPE hstore, FOR TYPE int LANGUAGE plpython3u AS 'return 1';
