-- Routines keep their names, not their argument types; triggers, policies and rules name their table.
DROP FUNCTION IF EXISTS update_modified();
DROP FUNCTION public.add(int, text), add(IN a integer, VARIADIC b int[]) CASCADE;
DROP FUNCTION no_args;
DROP PROCEDURE archive_orders(date);
DROP ROUTINE IF EXISTS r1, r2(int);
DROP AGGREGATE my_sum(*), my_avg(numeric ORDER BY numeric);
DROP TRIGGER IF EXISTS set_updated_at ON public.orders CASCADE;
DROP POLICY tenant_isolation ON "Orders";
DROP RULE notify_me ON accounts;
DROP CAST IF EXISTS (bigint AS int4);
DROP CAST (character varying(10) AS text) CASCADE;
DROP OPERATOR ^ (integer, integer), myschema.~ (none, bit);
DROP OPERATOR CLASS IF EXISTS widget_ops USING btree CASCADE;
DROP OPERATOR FAMILY s.float_ops USING gist;
DROP TRANSFORM IF EXISTS FOR hstore LANGUAGE plpython3u;
