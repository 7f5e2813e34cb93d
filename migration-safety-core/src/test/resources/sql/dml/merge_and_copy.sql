MERGE INTO inventory i
USING incoming n ON i.sku = n.sku
WHEN MATCHED AND n.qty = 0 THEN DELETE
WHEN MATCHED THEN UPDATE SET qty = i.qty + n.qty, updated_at = now()
WHEN NOT MATCHED THEN INSERT (sku, qty) VALUES (n.sku, n.qty);

MERGE INTO inventory AS i
USING (SELECT sku, sum(qty) AS qty FROM deliveries GROUP BY sku) AS d ON i.sku = d.sku
WHEN MATCHED THEN UPDATE SET qty = CASE WHEN d.qty > 0 THEN i.qty + d.qty ELSE i.qty END
WHEN NOT MATCHED THEN DO NOTHING;

COPY countries (code, name) FROM stdin WITH (FORMAT csv);
FR,France
DE,Germany
\.

COPY public.zip_codes FROM '/data/zip_codes.csv' WITH (FORMAT csv, HEADER true);

COPY measurements FROM PROGRAM 'gunzip -c /data/m.csv.gz' WITH (FORMAT csv) WHERE reading > 0;

COPY users TO STDOUT WITH (FORMAT csv);

COPY (SELECT id, lower(email) FROM users WHERE active) TO '/tmp/users.csv';

COPY BINARY blobs FROM STDIN;
\.
