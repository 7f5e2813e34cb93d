-- statements: 5
;;
SELECT 1;;;SELECT 2;
 ; ;	;
SELECT 3 ; ; SELECT 4;
;
-- the last statement has no semicolon and the file no final line break
SELECT 5