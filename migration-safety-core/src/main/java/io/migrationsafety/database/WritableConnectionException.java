package io.migrationsafety.database;

import io.migrationsafety.MigrationSafetyException;
import java.util.List;

/**
 * The connection's role can change the database, so the library refuses to read through it
 * (unless told to with an explicit override). The message lists what the role can write and gives
 * the SQL that creates a read-only role.
 */
public final class WritableConnectionException extends MigrationSafetyException {

  private static final long serialVersionUID = 1L;

  private final transient ReadOnlyCheck check;

  WritableConnectionException(ReadOnlyCheck check) {
    super(check.refusal());
    this.check = check;
  }

  /** What the guard found, including every write privilege it saw (bounded, see {@link ReadOnlyCheck}). */
  public ReadOnlyCheck check() {
    return check;
  }

  /** What the role can write, e.g. {@code superuser}, {@code INSERT, UPDATE on table public.users}. */
  public List<String> writes() {
    return check.writes();
  }
}
