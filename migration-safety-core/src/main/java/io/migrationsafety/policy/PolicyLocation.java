package io.migrationsafety.policy;

import java.util.Objects;

/**
 * A place in a policy file, as an editor shows it.
 *
 * @param source the file (or other source name) the policy came from
 * @param line the one-based line
 * @param column the one-based column
 */
public record PolicyLocation(String source, int line, int column) {

  public PolicyLocation {
    Objects.requireNonNull(source, "source");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("invalid location: line " + line + ", column " + column);
    }
  }

  /** {@code source:line:column}, the form compilers and editors understand. */
  @Override
  public String toString() {
    return source + ":" + line + ":" + column;
  }
}
