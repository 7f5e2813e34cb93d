/**
 * AssertJ assertions on reviews, for test suites:
 * {@code MigrationSafetyAssertions.assertThat(review).hasNoBlockedMigrations()}. AssertJ is an
 * optional dependency of the library: add {@code org.assertj:assertj-core} to your tests to use
 * this package; nothing else in the library needs it.
 */
package io.migrationsafety.assertj;
