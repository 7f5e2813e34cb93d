package io.migrationsafety.parse.internal;

/**
 * A statement does not match the grammar the parser knows. Caught once per statement, where it
 * becomes an {@link io.migrationsafety.operation.Unrecognized} operation with this message as its
 * reason; never escapes the parser.
 */
public final class ParseFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ParseFailure(String message) {
    // No stack trace: failures are an expected outcome, and the reason says where.
    super(message, null, false, false);
  }
}
