package io.migrationsafety.policy;

import java.util.regex.Pattern;

/**
 * Team conventions checked on every migration set.
 *
 * @param fileNamePattern a regular expression every migration file name must match, or {@code null}
 * @param requireVersionPrefix whether file names must start with a version or timestamp
 * @param requireRollback whether every migration must ship a down script
 */
public record Conventions(Pattern fileNamePattern, boolean requireVersionPrefix, boolean requireRollback) {

  /** No conventions. */
  public static Conventions none() {
    return new Conventions(null, false, false);
  }
}
