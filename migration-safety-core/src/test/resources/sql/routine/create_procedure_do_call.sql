-- Procedures, anonymous blocks and calls.
CREATE PROCEDURE archive(cutoff date) LANGUAGE plpgsql AS $$ BEGIN DELETE FROM orders WHERE created < cutoff; END $$;
CREATE OR REPLACE PROCEDURE ins(a int) LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (a); INSERT INTO t VALUES (a + 1); END;
CREATE PROCEDURE p() SECURITY DEFINER SET search_path TO DEFAULT AS 'select 1' LANGUAGE sql;
DO $$ BEGIN RAISE NOTICE 'hi'; END $$;
DO LANGUAGE plpgsql $$ BEGIN PERFORM 1; END $$;
DO 'select 1' LANGUAGE 'PLPGSQL';
CALL archive('2020-01-01');
CALL s.p();
CALL s.p(a => 1, b => (2 + 3));
