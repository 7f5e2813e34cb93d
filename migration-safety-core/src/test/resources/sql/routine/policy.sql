-- Policies: CREATE keeps the definition as written; ALTER only as a rename.
CREATE POLICY tenant_isolation ON orders USING (tenant_id = current_setting('app.tenant')::int);
CREATE POLICY p ON s.t AS RESTRICTIVE FOR UPDATE TO app, CURRENT_USER USING (owner = current_user) WITH CHECK (owner = current_user);
CREATE POLICY all_rows ON t;
CREATE POLICY p ON t FOR MERGE;
ALTER POLICY p ON s.t RENAME TO p2;
ALTER POLICY p ON t TO app USING (true);
