package io.migrationsafety.policy;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Team conventions checked on every migration set.
 *
 * <p>Two conventions are equal when their file-name patterns are the same expression with the same
 * flags: {@link Pattern} itself compares by identity, which would make equal policies unequal.
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

  @Override
  public boolean equals(Object other) {
    return other instanceof Conventions that
        && requireVersionPrefix == that.requireVersionPrefix
        && requireRollback == that.requireRollback
        && Objects.equals(regex(fileNamePattern), regex(that.fileNamePattern))
        && flags(fileNamePattern) == flags(that.fileNamePattern);
  }

  @Override
  public int hashCode() {
    return Objects.hash(regex(fileNamePattern), flags(fileNamePattern), requireVersionPrefix, requireRollback);
  }

  private static String regex(Pattern pattern) {
    return pattern == null ? null : pattern.pattern();
  }

  private static int flags(Pattern pattern) {
    return pattern == null ? 0 : pattern.flags();
  }
}
