package io.migrationsafety.format;

import java.util.Objects;

/**
 * One thing wrong with a migration tool's history of a database, found by an
 * {@link AppliedStateReader}.
 *
 * @param kind what is wrong
 * @param migrationId the id of the migration it concerns, as its format names it
 * @param file the migration's file relative to the set's directory, or {@code null} when the
 *     history names a migration that has no file (any more)
 * @param message what a person needs to know, naming the history table and the migration
 */
public record HistoryProblem(Kind kind, String migrationId, String file, String message) {

  /** The kinds of history problem. */
  public enum Kind {
    /** The tool recorded a failed run: the migration may be half-applied. */
    FAILED,
    /** The migration was marked rolled back (Prisma's {@code migrate resolve --rolled-back}). */
    ROLLED_BACK,
    /** The file changed after it was applied: the database was built from another text. */
    CHECKSUM_MISMATCH,
    /** The history records a migration that has no file in the set. */
    MISSING_FILE,
    /** A pending migration sorts before one already applied: the tool may refuse or skip it. */
    OUT_OF_ORDER
  }

  public HistoryProblem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(migrationId, "migrationId");
    Objects.requireNonNull(message, "message");
  }
}
