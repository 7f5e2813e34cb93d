package io.migrationsafety.trace;

import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.LockNote;
import io.migrationsafety.rule.Rule;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A statement whose traced locks or rewrites differ from what the lock model predicted. It checks
 * traced facts, not SQL: the review engine never runs it; the {@link Tracer} does, for every
 * statement it observed whose locks the model claims to know. Registered like every rule, so that
 * the policy can change its severity or turn it off and {@code rules} lists it.
 */
public final class LockModelDisagreement implements Rule {

  private static final RuleMetadata METADATA = RuleMetadata.of("lock-model-disagreement",
      "PostgreSQL took other locks or rewrites than the lock model predicted when the statement was traced",
      Severity.WARNING);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  /** The finding for {@code statement} at {@code file}:{@code column}, when model and server disagree. */
  public Optional<Finding> check(ObservedStatement statement, String file, int column, int postgresVersion) {
    List<LockComparison.Difference> differences = statement.disagreements();
    if (differences.isEmpty()) {
      return Optional.empty();
    }
    String what = differences.stream().map(LockComparison.Difference::toString).collect(Collectors.joining("; "));
    List<LockNote> observed = statement.locks().stream()
        .map(l -> new LockNote(l.relation().sql(), l.mode().sqlName(), statement.rewrites().contains(l.relation())))
        .toList();
    return Optional.of(new Finding(id(), METADATA.defaultSeverity(), file, statement.line(), column,
        "PostgreSQL " + postgresVersion + " and the lock model disagree on this statement: " + what,
        "The review's lock findings come from the model; here the server took other locks than it predicted, "
            + "so findings about this statement may be too strict or too lenient. The observed locks are what "
            + "production will see on this version; please report the statement so the model can be fixed.",
        null, observed));
  }
}
