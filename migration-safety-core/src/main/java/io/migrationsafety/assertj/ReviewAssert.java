package io.migrationsafety.assertj;

import io.migrationsafety.MigrationReview;
import io.migrationsafety.Review;
import io.migrationsafety.Verdict;
import io.migrationsafety.rule.Finding;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link Review}; failures list the findings that broke them. */
public final class ReviewAssert extends AbstractAssert<ReviewAssert, Review> {

  ReviewAssert(Review actual) {
    super(actual, ReviewAssert.class);
  }

  /** No migration is BLOCKED. */
  public ReviewAssert hasNoBlockedMigrations() {
    isNotNull();
    List<MigrationReview> blocked = actual.migrations().stream()
        .filter(m -> m.verdict() == Verdict.BLOCKED).collect(Collectors.toList());
    if (!blocked.isEmpty() || actual.verdict() == Verdict.BLOCKED) {
      failWithMessage("Expected no blocked migrations, but these are blocked:%n%s", describe(
          actual.findings().stream().filter(f -> Verdict.of(f.severity()) == Verdict.BLOCKED).toList()));
    }
    return this;
  }

  /** The overall verdict is {@code expected}. */
  public ReviewAssert hasVerdict(Verdict expected) {
    isNotNull();
    if (actual.verdict() != expected) {
      failWithMessage("Expected verdict %s but was %s; findings:%n%s", expected, actual.verdict(),
          describe(actual.findings()));
    }
    return this;
  }

  /** Nothing was found at all. */
  public ReviewAssert hasNoFindings() {
    isNotNull();
    if (!actual.findings().isEmpty()) {
      failWithMessage("Expected no findings, but found:%n%s", describe(actual.findings()));
    }
    return this;
  }

  /** Some finding of the rule {@code ruleId} was made. */
  public ReviewAssert hasFinding(String ruleId) {
    isNotNull();
    if (actual.findings().stream().noneMatch(f -> f.rule().equals(ruleId))) {
      failWithMessage("Expected a finding of %s, but found:%n%s", ruleId, describe(actual.findings()));
    }
    return this;
  }

  /** Every statement of every migration was understood. */
  public ReviewAssert hasNoUnrecognizedStatements() {
    isNotNull();
    List<MigrationReview> unclear = actual.migrations().stream().filter(m -> m.unrecognized() > 0).toList();
    if (!unclear.isEmpty()) {
      failWithMessage("Expected every statement to be understood, but not in:%n%s", unclear.stream()
          .map(m -> "  " + m.file() + ": " + m.unrecognized() + " statement(s)").collect(Collectors.joining("\n")));
    }
    return this;
  }

  private static String describe(List<Finding> findings) {
    if (findings.isEmpty()) {
      return "  (none)";
    }
    return findings.stream().map(f -> "  " + f.file() + ":" + f.line() + " " + f.severity() + " " + f.rule() + ": "
        + f.message()).collect(Collectors.joining("\n"));
  }
}
