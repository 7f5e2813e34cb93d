-- Generic records for rename, owner and schema; AlterFunction for attribute changes.
ALTER FUNCTION add(integer, integer) RENAME TO plus;
ALTER FUNCTION public.add OWNER TO app;
ALTER PROCEDURE archive(date) SET SCHEMA history;
ALTER ROUTINE r(int) RENAME TO r2;
ALTER FUNCTION add(int, int) IMMUTABLE PARALLEL SAFE;
ALTER FUNCTION f() SET search_path = public RESTRICT;
ALTER FUNCTION f() RESET ALL;
ALTER FUNCTION f() RESET work_mem SECURITY INVOKER COST 5;
ALTER PROCEDURE p() SET work_mem TO DEFAULT;
ALTER FUNCTION f(int) DEPENDS ON EXTENSION plv8;
ALTER FUNCTION f(int) NO DEPENDS ON EXTENSION plv8;
