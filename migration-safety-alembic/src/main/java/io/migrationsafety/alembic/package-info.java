/**
 * Alembic projects read statically: the revision files of {@code versions/}, their revision graph
 * in Alembic's order, each {@code upgrade()} as the SQL Alembic would emit, {@code downgrade()}
 * as the rollback; the applied heads from {@code alembic_version}; synthesized rollbacks written
 * as a {@code downgrade()} body.
 */
package io.migrationsafety.alembic;
