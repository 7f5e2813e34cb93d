package io.migrationsafety.assertj;

import io.migrationsafety.Review;

/** The entry point of the review assertions. */
public final class MigrationSafetyAssertions {

  private MigrationSafetyAssertions() {}

  /** Assertions on {@code review}. */
  public static ReviewAssert assertThat(Review review) {
    return new ReviewAssert(review);
  }
}
