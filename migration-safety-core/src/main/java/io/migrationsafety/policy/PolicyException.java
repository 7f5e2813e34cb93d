package io.migrationsafety.policy;

import io.migrationsafety.MigrationSafetyException;
import java.util.Objects;
import java.util.Optional;

/**
 * A policy file cannot be used: it cannot be read, is not valid YAML, or says something the policy
 * does not allow. The message starts with {@code file:line:column:} whenever the problem has a
 * place, and says what is allowed there.
 */
public final class PolicyException extends MigrationSafetyException {

  private static final long serialVersionUID = 1L;

  private final transient PolicyLocation location;
  private final String problem;

  /** A problem at {@code location}. */
  public PolicyException(PolicyLocation location, String problem) {
    super(Objects.requireNonNull(location, "location") + ": " + Objects.requireNonNull(problem, "problem"));
    this.location = location;
    this.problem = problem;
  }

  /** A problem with the whole file (it cannot be read, say), where no line applies. */
  public PolicyException(String source, String problem, Throwable cause) {
    super(Objects.requireNonNull(source, "source") + ": " + Objects.requireNonNull(problem, "problem"), cause);
    this.location = null;
    this.problem = problem;
  }

  /** Where the problem is, when it has a place in the file. */
  public Optional<PolicyLocation> location() {
    return Optional.ofNullable(location);
  }

  /** The problem, without the location. */
  public String problem() {
    return problem;
  }
}
