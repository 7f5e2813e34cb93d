package io.migrationsafety.estimate;

import static io.migrationsafety.lock.LockMode.ACCESS_EXCLUSIVE;
import static io.migrationsafety.lock.LockMode.ROW_EXCLUSIVE;
import static io.migrationsafety.lock.LockMode.SHARE_UPDATE_EXCLUSIVE;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.lock.LockEffect;
import io.migrationsafety.lock.LockMode;
import io.migrationsafety.operation.QualifiedName;
import java.util.List;
import org.junit.jupiter.api.Test;

class LockTimelineTest {

  private static List<LockEffect> lock(String table, LockMode mode) {
    return List.of(LockEffect.lock(QualifiedName.of("public", table), mode, "test"));
  }

  @Test
  void a_lock_taken_in_a_transaction_is_held_by_every_later_statement_until_commit() {
    LockTimeline timeline = new LockTimeline();
    int alter = timeline.statement(Estimate.of(2_000, "rewrite"), lock("orders", ACCESS_EXCLUSIVE), true);
    int update = timeline.statement(Estimate.of(5_000, "backfill"), lock("orders", ROW_EXCLUSIVE), true);
    int other = timeline.statement(Estimate.of(100, "index"), lock("items", ACCESS_EXCLUSIVE), true);
    timeline.endTransaction();

    assertThat(timeline.holds(alter)).singleElement().satisfies(h -> {
      assertThat(h.mode()).isEqualTo(ACCESS_EXCLUSIVE);
      assertThat(h.lockMs()).isEqualTo(7_100);
    });
    assertThat(timeline.holds(update).get(0).lockMs()).isEqualTo(5_100);
    assertThat(timeline.holds(other).get(0).lockMs()).isEqualTo(100);
    assertThat(timeline.durationMs()).isEqualTo(7_100);
    assertThat(timeline.lockMs()).isEqualTo(7_100);
  }

  @Test
  void separate_transactions_and_autocommit_statements_do_not_add_up() {
    LockTimeline timeline = new LockTimeline();
    int first = timeline.statement(Estimate.of(1_000, "a"), lock("orders", ACCESS_EXCLUSIVE), true);
    timeline.endTransaction();
    int second = timeline.statement(Estimate.of(3_000, "b"), lock("orders", ACCESS_EXCLUSIVE), true);
    timeline.endTransaction();
    int alone = timeline.statement(Estimate.of(9_000, "c"), lock("orders", SHARE_UPDATE_EXCLUSIVE), false);

    assertThat(timeline.holds(first).get(0).lockMs()).isEqualTo(1_000);
    assertThat(timeline.holds(second).get(0).lockMs()).isEqualTo(3_000);
    assertThat(timeline.holds(alone).get(0).lockMs()).isEqualTo(9_000);
    assertThat(timeline.durationMs()).isEqualTo(13_000);
    // SHARE UPDATE EXCLUSIVE blocks neither reads nor writes: the longest blocking hold is 3 s.
    assertThat(timeline.lockMs()).isEqualTo(3_000);
  }

  @Test
  void an_unknown_statement_makes_the_holds_over_it_unknown_but_not_the_earlier_transactions() {
    LockTimeline timeline = new LockTimeline();
    int known = timeline.statement(Estimate.of(10, "a"), lock("a", ACCESS_EXCLUSIVE), true);
    timeline.endTransaction();
    int before = timeline.statement(Estimate.of(10, "b"), lock("b", ACCESS_EXCLUSIVE), true);
    timeline.statement(Estimate.unknown("unknown size of public.c"), lock("c", ROW_EXCLUSIVE), true);

    assertThat(timeline.holds(known).get(0).lockMs()).isEqualTo(10);
    assertThat(timeline.holds(before).get(0).lockMs()).isNull();
    assertThat(timeline.durationMs()).isNull();
    assertThat(timeline.lockMs()).isNull();
  }

  @Test
  void a_ceiling_inside_the_transaction_makes_the_hold_a_ceiling() {
    LockTimeline timeline = new LockTimeline();
    int alter = timeline.statement(Estimate.of(10, "a"), lock("a", ACCESS_EXCLUSIVE), true);
    timeline.statement(Estimate.atMost(500, "up to every row"), lock("a", ROW_EXCLUSIVE), true);
    assertThat(timeline.holds(alter).get(0)).satisfies(h -> {
      assertThat(h.lockMs()).isEqualTo(510);
      assertThat(h.upperBound()).isTrue();
    });
    assertThat(timeline.upperBound()).isTrue();
  }
}
