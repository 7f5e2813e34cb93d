package io.migrationsafety.alembic.internal;

/** An {@code op.*} call that cannot become SQL; the message says why, for the finding. */
final class Untranslatable extends RuntimeException {

  private static final long serialVersionUID = 1L;

  Untranslatable(String message) {
    super(message, null, false, false);
  }
}
