package io.migrationsafety.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestTest {

  @Test
  void distance_counts_insertions_deletions_and_substitutions() {
    assertThat(Nearest.distance("", "")).isZero();
    assertThat(Nearest.distance("rules", "rules")).isZero();
    assertThat(Nearest.distance("rule", "rules")).isEqualTo(1);
    assertThat(Nearest.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Nearest.distance("", "abc")).isEqualTo(3);
    assertThat(Nearest.distance("postgres-version", "postgres_version")).isEqualTo(1);
  }

  @Test
  void suggests_the_nearest_candidate_when_it_is_a_likely_typo() {
    assertThat(Nearest.didYouMean("tabels", List.of("rules", "tables"))).isEqualTo(" (did you mean 'tables'?)");
  }

  @Test
  void suggests_nothing_when_every_candidate_is_far() {
    assertThat(Nearest.didYouMean("pg_version", List.of("postgres_version", "rules"))).isEmpty();
    assertThat(Nearest.didYouMean("x", List.of())).isEmpty();
  }

  @Test
  void breaks_ties_alphabetically_so_messages_are_stable() {
    assertThat(Nearest.didYouMean("abc", List.of("abd", "abb"))).isEqualTo(" (did you mean 'abb'?)");
  }
}
