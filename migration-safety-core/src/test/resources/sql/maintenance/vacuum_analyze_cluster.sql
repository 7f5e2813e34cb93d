-- Both VACUUM syntaxes, ANALYZE (either spelling), CLUSTER in its three forms.
VACUUM;
VACUUM FULL FREEZE VERBOSE ANALYZE orders (id, status), public.items;
VACUUM ANALYSE t;
VACUUM (FULL, ANALYZE) t, u;
VACUUM (FULL false, VERBOSE, INDEX_CLEANUP off, PARALLEL 4, BUFFER_USAGE_LIMIT '256MB') t;
VACUUM (ANALYZE 0, SKIP_LOCKED true) ONLY t;
VACUUM FREEZE FULL t;
ANALYZE;
ANALYZE VERBOSE orders (status);
ANALYSE (VERBOSE, SKIP_LOCKED) a, b;
CLUSTER;
CLUSTER VERBOSE;
CLUSTER orders USING orders_created_idx;
CLUSTER (VERBOSE) public.orders;
CLUSTER orders_created_idx ON public.orders;
CLUSTER s.i ON t;
