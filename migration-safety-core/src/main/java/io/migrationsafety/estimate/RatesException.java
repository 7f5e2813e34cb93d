package io.migrationsafety.estimate;

/** A rates file that cannot be read; the message names the file. */
public class RatesException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RatesException(String message, Throwable cause) {
    super(message, cause);
  }
}
