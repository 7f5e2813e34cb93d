package io.migrationsafety.lock;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.Unrecognized;
import io.migrationsafety.schema.Schema;
import org.junit.jupiter.api.Test;

class LockModeTest {

  @Test
  void conflict_matrix_is_symmetric_and_matches_the_documented_rows() {
    for (LockMode a : LockMode.values()) {
      for (LockMode b : LockMode.values()) {
        assertThat(a.conflictsWith(b)).as("%s vs %s", a, b).isEqualTo(b.conflictsWith(a));
      }
    }
    assertThat(LockMode.SHARE.conflictsWith(LockMode.SHARE)).isFalse();
    assertThat(LockMode.SHARE_UPDATE_EXCLUSIVE.conflictsWith(LockMode.SHARE_UPDATE_EXCLUSIVE)).isTrue();
    assertThat(LockMode.ROW_EXCLUSIVE.conflictsWith(LockMode.ROW_EXCLUSIVE)).isFalse();
  }

  @Test
  void only_access_exclusive_blocks_reads_and_share_and_stronger_block_writes() {
    assertThat(LockMode.values()).filteredOn(LockMode::blocksReads).containsExactly(LockMode.ACCESS_EXCLUSIVE);
    assertThat(LockMode.values()).filteredOn(LockMode::blocksWrites).containsExactly(LockMode.SHARE,
        LockMode.SHARE_ROW_EXCLUSIVE, LockMode.EXCLUSIVE, LockMode.ACCESS_EXCLUSIVE);
  }

  @Test
  void reads_names_as_pg_locks_and_the_docs_write_them() {
    assertThat(LockMode.fromSqlName("AccessExclusiveLock")).contains(LockMode.ACCESS_EXCLUSIVE);
    assertThat(LockMode.fromSqlName("share row exclusive")).contains(LockMode.SHARE_ROW_EXCLUSIVE);
    assertThat(LockMode.fromSqlName("SHARE_UPDATE_EXCLUSIVE")).contains(LockMode.SHARE_UPDATE_EXCLUSIVE);
    assertThat(LockMode.fromSqlName("ExclusiveLock")).contains(LockMode.EXCLUSIVE);
    assertThat(LockMode.fromSqlName("nonsense")).isEmpty();
  }

  @Test
  void unrecognized_statements_are_unknown_not_lock_free() {
    Unrecognized op = new Unrecognized("?");
    assertThat(LockModel.effects(op, Schema.empty(), "public", 16)).isEmpty();
    assertThat(LockModel.known(op)).isFalse();
  }

  @Test
  void fast_defaults_and_set_not_null_follow_the_version() {
    Schema before = LockModelAgreementTest.replay(LockCorpus.SETUP);
    assertThat(LockModelAgreementTest.predict("ALTER TABLE items ADD COLUMN z int DEFAULT 0", before, 10))
        .singleElement().satisfies(e -> assertThat(e.rewrite()).isTrue());
    assertThat(LockModelAgreementTest.predict("ALTER TABLE items ADD COLUMN z int DEFAULT 0", before, 11))
        .singleElement().satisfies(e -> assertThat(e.rewrite()).isFalse());
    assertThat(LockModelAgreementTest.predict("ALTER TABLE items ALTER COLUMN qty SET NOT NULL", before, 11))
        .singleElement().satisfies(e -> assertThat(e.scan()).isTrue());
    assertThat(LockModelAgreementTest.predict("ALTER TABLE items ALTER COLUMN qty SET NOT NULL", before, 12))
        .singleElement().satisfies(e -> assertThat(e.scan()).isFalse());
  }
}
