package io.migrationsafety.operation;

/** The transaction control statements. */
public enum TransactionAction {
  /** {@code BEGIN} or {@code START TRANSACTION}. */
  BEGIN,
  /** {@code COMMIT} or {@code END}. */
  COMMIT,
  /** {@code ROLLBACK} or {@code ABORT}. */
  ROLLBACK,
  SAVEPOINT,
  RELEASE_SAVEPOINT,
  ROLLBACK_TO_SAVEPOINT,
  /** {@code PREPARE TRANSACTION}. */
  PREPARE,
  /** {@code COMMIT PREPARED}. */
  COMMIT_PREPARED,
  /** {@code ROLLBACK PREPARED}. */
  ROLLBACK_PREPARED,
  /** {@code SET TRANSACTION …} and {@code SET SESSION CHARACTERISTICS AS TRANSACTION …}. */
  SET_CHARACTERISTICS
}
