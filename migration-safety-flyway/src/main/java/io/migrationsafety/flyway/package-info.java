/**
 * Flyway: the {@code flyway} migration format ({@link io.migrationsafety.flyway.FlywayFormat}), which
 * reads V/U/R scripts, placeholders and script configuration as Flyway does, reads
 * {@code flyway_schema_history} and writes undo scripts; and
 * {@link io.migrationsafety.flyway.MigrationSafetyCallback}, the Flyway callback that reviews the
 * pending migrations before {@code migrate()} and stops an unsafe batch. See {@code docs/flyway.md}.
 */
package io.migrationsafety.flyway;
