package io.migrationsafety.rollback;

import java.util.Objects;

/**
 * The rollbacks of one migration, run on real PostgreSQL.
 *
 * @param file the forward script's file
 * @param synthesized the round trip of the synthesized rollback, or {@code null} when the
 *     migration is irreversible (there is none to run) or was not reached
 * @param downScript the round trip of the down script the migration ships, or {@code null} when it
 *     ships none or was not reached
 * @param skipped why the migration was not run, or {@code null} when it was: an earlier migration
 *     failed on PostgreSQL, so the schema before this one could not be built
 */
public record VerifiedRollback(String file, RoundTrip synthesized, RoundTrip downScript, String skipped) {

  public VerifiedRollback {
    Objects.requireNonNull(file, "file");
  }
}
