package io.migrationsafety.format;

/**
 * A format's history written as SQL, for the production script that a person runs with psql
 * (see {@link HistoryWriter#sql()}): the script creates the history when needed, skips a migration
 * the history already records, and records each migration in the same transaction as its
 * statements — so production ends up with the history staging has.
 */
public interface HistorySql {

  /** SQL that makes sure the history exists (such as {@code CREATE TABLE IF NOT EXISTS …}); idempotent. */
  String prepare();

  /** A query of one row and one boolean column: whether {@code migration} has already run. */
  String appliedQuery(MigrationSet set, Migration migration);

  /** SQL that records {@code migration}, read from {@code file}, as applied. */
  String recordApplied(MigrationSet set, Migration migration, String file);

  /** SQL that removes {@code migration} from the history, for the rollback script. */
  String forget(MigrationSet set, Migration migration);
}
