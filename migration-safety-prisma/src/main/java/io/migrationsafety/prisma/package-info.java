/**
 * Prisma Migrate projects: the {@code prisma} migration format ({@code <migrations>/<timestamp>_<name>/migration.sql}
 * with {@code migration_lock.toml}), the applied state kept in {@code _prisma_migrations}, the
 * {@code down.sql} writer, and the rules that read what Prisma itself says about its migrations.
 */
package io.migrationsafety.prisma;
