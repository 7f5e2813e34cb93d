package io.migrationsafety.execute;

import java.util.Objects;

/**
 * Something a failed statement outside a transaction left behind, with how to see it and how to
 * remove it: an INVALID index after a failed {@code CREATE INDEX CONCURRENTLY}, a partition left
 * half-detached after a failed {@code DETACH PARTITION … CONCURRENTLY}.
 *
 * @param what what is left, in words
 * @param check a query that shows it
 * @param cleanup the SQL that removes it (or finishes what was started), for a person to run
 */
public record Leftover(String what, String check, String cleanup) {

  public Leftover {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(cleanup, "cleanup");
  }
}
