package io.migrationsafety.execute;

import static io.migrationsafety.execute.StagingDatabase.run;
import static io.migrationsafety.execute.StagingDatabase.strings;
import static io.migrationsafety.execute.StagingDatabase.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationsafety.MigrationSafety;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.Review;
import io.migrationsafety.Verdict;
import io.migrationsafety.lock.LockMode;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.policy.ExecutionSettings;
import io.migrationsafety.policy.Policy;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The staging executor on real PostgreSQL: one server, a fresh database per test. */
class StagingExecutorTest {

  private static StagingDatabase server;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws IOException {
    server = StagingDatabase.start();
  }

  @AfterAll
  static void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  /** Short timeouts and no real waiting, so that lock timeouts come fast. */
  private static Policy quickPolicy(int retries) {
    return Policy.defaults().withExecution(
        new ExecutionSettings(Duration.ofMillis(200), Duration.ofSeconds(30), retries, Duration.ofMillis(10)));
  }

  private static StagingExecutor executor(String url, int retries) {
    return MigrationSafety.builder().policy(quickPolicy(retries)).build().executor(StagingTarget.of(url));
  }

  /** Records what the listener hears, one line per event. */
  private static final class Recorder implements ExecutionListener {
    final List<String> events = new ArrayList<>();

    @Override
    public void migrationStarted(String file, boolean transactional, int attempt) {
      events.add("start " + file + " attempt " + attempt);
    }

    @Override
    public void statementFinished(StatementRun run) {
      events.add("ran " + run.file() + ":" + run.line());
    }

    @Override
    public void retrying(Retry retry) {
      events.add("retry " + retry.file() + ":" + retry.line());
    }

    @Override
    public void migrationApplied(MigrationRun run) {
      events.add("applied " + run.file());
    }
  }

  @Test
  void applies_pending_migrations_in_order_and_records_each_in_the_history() throws Exception {
    String url = server.freshDatabase();
    write(dir, "V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, code text);\n");
    write(dir, "V2__note.sql", "ALTER TABLE orders ADD COLUMN note text;\n\nCOMMENT ON COLUMN orders.note IS 'x';\n");
    write(dir, "V3__index.sql", """
        -- migration-safety:no-transaction
        CREATE INDEX CONCURRENTLY orders_code ON orders (code);
        """);
    Recorder recorder = new Recorder();

    ExecutionResult result = executor(url, 0).listener(recorder).execute(dir);

    assertThat(result.succeeded()).isTrue();
    assertThat(result.migrations()).extracting(MigrationRun::file, MigrationRun::transactional, MigrationRun::applied)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("V1__orders.sql", true, true),
            org.assertj.core.groups.Tuple.tuple("V2__note.sql", true, true),
            org.assertj.core.groups.Tuple.tuple("V3__index.sql", false, true));
    assertThat(recorder.events).containsExactly(
        "start V1__orders.sql attempt 1", "ran V1__orders.sql:1", "applied V1__orders.sql",
        "start V2__note.sql attempt 1", "ran V2__note.sql:1", "ran V2__note.sql:3", "applied V2__note.sql",
        "start V3__index.sql attempt 1", "ran V3__index.sql:2", "applied V3__index.sql");
    assertThat(strings(url, "SELECT migration_id || ' ' || file || ' ' || success || ' ' || length(checksum) "
        + "FROM migration_safety_history ORDER BY migration_id")).containsExactly(
            "1 V1__orders.sql true 64", "2 V2__note.sql true 64", "3 V3__index.sql true 64");
    assertThat(strings(url, "SELECT indexrelid::regclass::text FROM pg_index WHERE indisvalid "
        + "AND indrelid = 'orders'::regclass ORDER BY 1")).containsExactly("orders_code", "orders_pkey");
    // The ALTER in V2 held ACCESS EXCLUSIVE on orders until V2 committed; the index build held SHARE UPDATE EXCLUSIVE.
    assertThat(result.locks()).extracting(LockHold::file, LockHold::relation, LockHold::mode).contains(
        org.assertj.core.groups.Tuple.tuple("V2__note.sql", QualifiedName.of("public", "orders"), LockMode.ACCESS_EXCLUSIVE),
        org.assertj.core.groups.Tuple.tuple("V3__index.sql", QualifiedName.of("public", "orders"),
            LockMode.SHARE_UPDATE_EXCLUSIVE));
    assertThat(result.locks()).allSatisfy(hold -> assertThat(hold.held()).isPositive());
  }

  @Test
  void never_applies_an_applied_migration_twice() throws Exception {
    String url = server.freshDatabase();
    write(dir, "V1__counter.sql", "CREATE TABLE counter (n int);\nINSERT INTO counter VALUES (1);\n");
    executor(url, 0).execute(dir);

    ExecutionResult again = executor(url, 0).execute(dir);
    write(dir, "V2__more.sql", "INSERT INTO counter VALUES (2);\n");
    ExecutionResult next = executor(url, 0).execute(dir);

    assertThat(again.succeeded()).isTrue();
    assertThat(again.alreadyApplied()).containsExactly("1");
    assertThat(again.migrations()).isEmpty();
    assertThat(next.alreadyApplied()).containsExactly("1");
    assertThat(next.migrations()).extracting(MigrationRun::id).containsExactly("2");
    assertThat(strings(url, "SELECT n FROM counter ORDER BY n")).containsExactly("1", "2");
    // A review reading the same database sees the same history: nothing is pending.
    Review review = MigrationSafety.builder().schemaFrom(url).allowWritableConnection(true).build().review(dir);
    assertThat(review.applied().applied()).containsExactlyInAnyOrder("1", "2");
    assertThat(review.migrations()).isEmpty();
  }

  @Test
  void a_lock_held_by_another_session_times_out_and_is_retried_until_it_is_released() throws Exception {
    String url = server.freshDatabase();
    run(url, "CREATE TABLE orders (id bigint PRIMARY KEY)");
    write(dir, "V1__note.sql", "ALTER TABLE orders ADD COLUMN note text;\n");
    try (Connection other = StagingDatabase.connect(url)) {
      other.setAutoCommit(false);
      try (Statement st = other.createStatement()) {
        st.execute("SELECT count(*) FROM orders"); // ACCESS SHARE until the transaction ends
      }
      List<Retry> heard = new ArrayList<>();
      ExecutionListener releaseOnFirstRetry = new ExecutionListener() {
        @Override
        public void retrying(Retry retry) {
          heard.add(retry);
          try {
            other.commit();
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        }
      };

      ExecutionResult result = executor(url, 3).listener(releaseOnFirstRetry).execute(dir);

      assertThat(result.succeeded()).isTrue();
      MigrationRun run = result.migrations().get(0);
      assertThat(run.attempts()).isEqualTo(2);
      assertThat(run.retries()).singleElement().satisfies(retry -> {
        assertThat(retry.line()).isEqualTo(1);
        assertThat(retry.message()).contains("lock timeout");
        assertThat(retry.backoff()).isEqualTo(Duration.ofMillis(10));
      });
      assertThat(heard).hasSize(1);
      assertThat(strings(url, "SELECT attname FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attnum > 0"))
          .contains("note");
    }
  }

  /**
   * Another session holds {@code a} and, once the executor holds {@code b}, waits for {@code b}; the
   * executor's next statement then waits for {@code a}, closing the cycle. The executor's session
   * checks for deadlocks first (its deadlock_timeout is the shorter), so it is the victim: its
   * transaction is rolled back, the other session gets {@code b} and commits, and the retry succeeds.
   */
  @Test
  void a_deadlock_the_executor_loses_is_retried_and_then_succeeds() throws Exception {
    String url = server.freshDatabase();
    run(url, "CREATE TABLE a (id int); CREATE TABLE b (id int)");
    run(url, "ALTER DATABASE " + url.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1") + " SET deadlock_timeout = '100ms'");
    write(dir, "V1__both.sql", "ALTER TABLE b ADD COLUMN x int;\nALTER TABLE a ADD COLUMN y int;\n");
    ExecutorService otherThread = Executors.newSingleThreadExecutor();
    try (Connection other = StagingDatabase.connect(url); Connection observer = StagingDatabase.connect(url)) {
      other.setAutoCommit(false);
      int otherPid;
      try (Statement st = other.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
        rs.next();
        otherPid = rs.getInt(1);
        st.execute("SET deadlock_timeout = '10s'");
        st.execute("LOCK TABLE a IN ACCESS SHARE MODE");
      }
      List<Future<?>> waiting = new ArrayList<>();
      ExecutionListener closeTheCycle = new ExecutionListener() {
        @Override
        public void statementFinished(StatementRun run) {
          if (run.line() == 1 && run.attempt() == 1) {
            // The executor holds b now: the other session queues for it before the executor asks for a.
            waiting.add(otherThread.submit(() -> {
              try (Statement st = other.createStatement()) {
                st.execute("LOCK TABLE b IN ACCESS SHARE MODE");
              }
              other.commit();
              return null;
            }));
            awaitWaiting(observer, otherPid);
          }
        }

        @Override
        public void retrying(Retry retry) {
          try {
            waiting.get(0).get(30, TimeUnit.SECONDS); // it got b when the victim rolled back, and committed
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
      };
      Policy policy = Policy.defaults().withExecution(
          new ExecutionSettings(Duration.ofSeconds(5), Duration.ofSeconds(30), 3, Duration.ofMillis(10)));

      ExecutionResult result = MigrationSafety.builder().policy(policy).build().executor(StagingTarget.of(url))
          .listener(closeTheCycle).execute(dir);

      assertThat(result.succeeded()).as("%s", result.failure()).isTrue();
      assertThat(result.migrations()).singleElement().satisfies(run -> {
        assertThat(run.attempts()).isEqualTo(2);
        assertThat(run.retries()).singleElement().satisfies(retry -> {
          assertThat(retry.line()).isEqualTo(2);
          assertThat(retry.message()).contains("deadlock detected");
        });
      });
    } finally {
      otherThread.shutdownNow();
    }
    assertThat(strings(url, "SELECT attrelid::regclass || '.' || attname FROM pg_attribute "
        + "WHERE attrelid IN ('a'::regclass, 'b'::regclass) AND attnum > 1 ORDER BY 1")).containsExactly("a.y", "b.x");
    assertThat(strings(url, "SELECT migration_id FROM migration_safety_history")).containsExactly("1");
  }

  /** Waits until session {@code pid} waits for a lock. */
  private static void awaitWaiting(Connection observer, int pid) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (Statement st = observer.createStatement()) {
      while (System.nanoTime() < deadline) {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted AND pid = " + pid)) {
          rs.next();
          if (rs.getInt(1) > 0) {
            return;
          }
        }
        Thread.onSpinWait();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException("session " + pid + " never waited for its lock");
  }

  @Test
  void the_retry_limit_stops_cleanly_with_nothing_applied() throws Exception {
    String url = server.freshDatabase();
    run(url, "CREATE TABLE orders (id bigint PRIMARY KEY)");
    write(dir, "V1__note.sql", "CREATE TABLE audit (id int);\nALTER TABLE orders ADD COLUMN note text;\n");
    write(dir, "V2__later.sql", "CREATE TABLE later (id int);\n");
    try (Connection other = StagingDatabase.connect(url)) {
      other.setAutoCommit(false);
      try (Statement st = other.createStatement()) {
        st.execute("LOCK TABLE orders IN ACCESS SHARE MODE");
      }

      ExecutionResult result = executor(url, 2).execute(dir);

      assertThat(result.succeeded()).isFalse();
      ExecutionFailure failure = result.failure();
      assertThat(failure.kind()).isEqualTo(ExecutionFailure.Kind.LOCK_TIMEOUT);
      assertThat(failure.location()).isEqualTo("V1__note.sql:2");
      assertThat(failure.sqlState()).isEqualTo("55P03");
      assertThat(failure.rolledBack()).isTrue();
      assertThat(result.migrations()).singleElement().satisfies(run -> {
        assertThat(run.attempts()).isEqualTo(3);
        assertThat(run.retries()).hasSize(2);
        assertThat(run.applied()).isFalse();
      });
      other.rollback();
    }
    assertThat(strings(url, "SELECT coalesce(to_regclass('audit')::text, 'none') || ' ' "
        + "|| coalesce(to_regclass('later')::text, 'none')")).containsExactly("none none");
    assertThat(strings(url, "SELECT count(*) FROM migration_safety_history")).containsExactly("0");
  }

  @Test
  void a_failing_statement_rolls_back_its_whole_migration_and_says_where_and_why() throws Exception {
    String url = server.freshDatabase();
    write(dir, "V1__ok.sql", "CREATE TABLE kept (id int);\n");
    write(dir, "V2__broken.sql", """
        CREATE TABLE half (id int);
        INSERT INTO half VALUES (1);

        INSERT INTO half VALUES ('not a number');
        """);

    ExecutionResult result = executor(url, 3).execute(dir);

    ExecutionFailure failure = result.failure();
    assertThat(failure.kind()).isEqualTo(ExecutionFailure.Kind.STATEMENT_FAILED);
    assertThat(failure.location()).isEqualTo("V2__broken.sql:4");
    assertThat(failure.sqlState()).isEqualTo("22P02");
    assertThat(failure.message()).contains("invalid input syntax for type integer");
    assertThat(failure.rolledBack()).isTrue();
    assertThat(failure.leftovers()).isEmpty();
    assertThat(strings(url, "SELECT coalesce(to_regclass('kept')::text, 'none') || ' ' "
        + "|| coalesce(to_regclass('half')::text, 'none')")).containsExactly("kept none");
    assertThat(strings(url, "SELECT migration_id FROM migration_safety_history")).containsExactly("1");
  }

  @Test
  void a_failed_concurrent_index_build_is_reported_with_what_it_left_and_its_cleanup() throws Exception {
    String url = server.freshDatabase();
    run(url, "CREATE TABLE orders (id bigint PRIMARY KEY, code text); INSERT INTO orders VALUES (1, 'a'), (2, 'a')");
    write(dir, "V1__unique.sql", """
        -- migration-safety:no-transaction
        CREATE UNIQUE INDEX CONCURRENTLY orders_code ON orders (code);
        """);

    // the review's data probe sees the repeated code and blocks; overridden to see the failure itself
    ExecutionResult result = executor(url, 0).overrideBlocked("testing what a failed build leaves").execute(dir);

    ExecutionFailure failure = result.failure();
    assertThat(failure.location()).isEqualTo("V1__unique.sql:2");
    assertThat(failure.sqlState()).isEqualTo("23505");
    assertThat(failure.rolledBack()).isFalse();
    assertThat(failure.leftovers()).singleElement().satisfies(left -> {
      assertThat(left.what()).contains("public.orders_code").contains("INVALID");
      assertThat(left.cleanup()).isEqualTo("DROP INDEX CONCURRENTLY IF EXISTS public.orders_code;");
      assertThat(strings(url, left.check().replace(";", ""))).isNotEmpty();
    });
    assertThat(strings(url, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'orders_code'::regclass"))
        .containsExactly("f");
    // The history says the migration may be half-applied, so the next execution is refused until cleaned up.
    assertThat(strings(url, "SELECT success FROM migration_safety_history")).containsExactly("f");
    assertThatThrownBy(() -> executor(url, 0).execute(dir)).isInstanceOf(ExecutionRefusedException.class)
        .hasMessageContaining("BLOCKED");

    run(url, failure.leftovers().get(0).cleanup());
    assertThat(strings(url, "SELECT count(*) FROM pg_index WHERE NOT indisvalid")).containsExactly("0");
  }

  @Test
  void a_blocked_review_runs_nothing_unless_overridden_with_a_reason_that_is_recorded() throws Exception {
    String url = server.freshDatabase();
    run(url, "CREATE TABLE orders (id bigint PRIMARY KEY, code text)");
    write(dir, "V1__index.sql", "CREATE INDEX orders_code ON orders (code);\n");

    assertThatThrownBy(() -> executor(url, 0).execute(dir)).isInstanceOfSatisfying(ExecutionRefusedException.class,
        e -> assertThat(e.review()).hasValueSatisfying(r -> assertThat(r.verdict()).isEqualTo(Verdict.BLOCKED)));
    assertThat(strings(url, "SELECT coalesce(to_regclass('migration_safety_history')::text, 'none')"))
        .containsExactly("none");
    assertThatThrownBy(() -> executor(url, 0).overrideBlocked(" ")).isInstanceOf(IllegalArgumentException.class);

    ExecutionResult result = executor(url, 0).overrideBlocked("orders is empty on staging").execute(dir);

    assertThat(result.succeeded()).isTrue();
    assertThat(result.overrideReason()).isEqualTo("orders is empty on staging");
    assertThat(strings(url, "SELECT override_reason FROM migration_safety_history"))
        .containsExactly("orders is empty on staging");
  }

  @Test
  void refuses_before_running_anything_what_it_cannot_run_safely() throws Exception {
    String url = server.freshDatabase();
    write(dir, "V1__ok.sql", "CREATE TABLE t (id int);\n");
    write(dir, "V2__meta.sql", "\\set ON_ERROR_STOP on\nCREATE TABLE u (id int);\n");
    assertThatThrownBy(() -> executor(url, 0).execute(dir)).isInstanceOf(ExecutionRefusedException.class)
        .hasMessageStartingWith("V2__meta.sql:1: the psql meta-command");

    write(dir, "V2__meta.sql", "BEGIN;\nCREATE TABLE u (id int);\nCOMMIT;\n");
    assertThatThrownBy(() -> executor(url, 0).execute(dir)).hasMessageStartingWith("V2__meta.sql:1: BEGIN in the script");

    write(dir, "V2__meta.sql", "CREATE TABLE u (id int);\nINSERT INTO u (id) VALUES ($1);\n");
    assertThatThrownBy(() -> executor(url, 0).overrideBlocked("testing the plan").execute(dir))
        .hasMessageStartingWith("V2__meta.sql:2: the statement binds $1, a value its migration computes only when");

    write(dir, "V2__meta.sql", "CREATE TABLE u (id int);\nCREATE INDEX CONCURRENTLY u_id ON u (id);\n");
    assertThatThrownBy(() -> executor(url, 0).overrideBlocked("testing the plan").execute(dir))
        .hasMessageStartingWith("V2__meta.sql:2: CREATE INDEX CONCURRENTLY cannot run inside a transaction");
    assertThat(strings(url, "SELECT coalesce(to_regclass('t')::text, 'none')")).containsExactly("none");
  }

  @Test
  void the_review_probes_stagings_data_and_blocks_a_migration_its_rows_would_fail() throws Exception {
    String url = server.freshDatabase();
    StagingDatabase.run(url, "CREATE TABLE users (id int PRIMARY KEY, email text); "
        + "INSERT INTO users VALUES (1, 'a@example.com'), (2, 'a@example.com'); ANALYZE users");
    write(dir, "V1__unique_email.sql", "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);\n");

    assertThatThrownBy(() -> executor(url, 0).execute(dir)).isInstanceOf(ExecutionRefusedException.class)
        .hasMessageContaining("is BLOCKED; nothing ran")
        .satisfies(e -> assertThat(((ExecutionRefusedException) e).review().orElseThrow().findings())
            .filteredOn(f -> f.rule().equals("fails-on-existing-data")).singleElement()
            .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.BLOCKED)));

    StagingDatabase.run(url, "DELETE FROM users WHERE id = 2");
    assertThat(executor(url, 0).execute(dir).succeeded()).isTrue();
  }

  @Test
  void a_script_without_the_executors_transaction_runs_its_own_blocks_as_transactions() throws Exception {
    String url = server.freshDatabase();
    write(dir, "V1__blocks.sql", """
        -- migration-safety:no-transaction
        BEGIN;
        CREATE TABLE a (id int);
        INSERT INTO a VALUES (1);
        COMMIT;
        CREATE INDEX CONCURRENTLY a_id ON a (id);
        BEGIN;
        ALTER TABLE a ADD COLUMN note text;
        COMMIT;
        """);

    ExecutionResult result = executor(url, 0).execute(dir);

    assertThat(result.succeeded()).as("%s", result.failure()).isTrue();
    assertThat(result.migrations().get(0).statements()).extracting(StatementRun::line, StatementRun::inTransaction)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3, true), org.assertj.core.groups.Tuple.tuple(4, true),
            org.assertj.core.groups.Tuple.tuple(6, false), org.assertj.core.groups.Tuple.tuple(8, true));
    assertThat(strings(url, "SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute "
        + "WHERE attrelid = 'a'::regclass AND attnum > 0")).containsExactly("id,note");
    assertThat(strings(url, "SELECT migration_id || ' ' || success FROM migration_safety_history"))
        .containsExactly("1 true");
  }

  @Test
  void a_failure_in_a_scripts_own_block_rolls_back_that_block_and_keeps_what_committed_before() throws Exception {
    String url = server.freshDatabase();
    write(dir, "V1__blocks.sql", """
        -- migration-safety:no-transaction
        CREATE TABLE a (id int);
        BEGIN;
        ALTER TABLE a ADD COLUMN note text;
        INSERT INTO a (id) VALUES ('not a number');
        COMMIT;
        """);

    ExecutionResult result = executor(url, 0).execute(dir);

    ExecutionFailure failure = result.failure();
    assertThat(failure.location()).isEqualTo("V1__blocks.sql:5");
    assertThat(failure.rolledBack()).isTrue();
    assertThat(failure.committed()).containsExactly(2);
    assertThat(strings(url, "SELECT string_agg(attname, ',') FROM pg_attribute "
        + "WHERE attrelid = 'a'::regclass AND attnum > 0")).containsExactly("id");
    assertThat(strings(url, "SELECT migration_id || ' ' || success FROM migration_safety_history"))
        .containsExactly("1 false");
  }

  @Test
  void a_lock_timeout_in_a_scripts_own_block_retries_the_whole_block() throws Exception {
    String url = server.freshDatabase();
    run(url, "CREATE TABLE a (id int); CREATE TABLE b (id int)");
    write(dir, "V1__blocks.sql", """
        -- migration-safety:no-transaction
        BEGIN;
        ALTER TABLE a ADD COLUMN x int;
        ALTER TABLE b ADD COLUMN x int;
        COMMIT;
        """);
    List<Integer> ran = new ArrayList<>();
    try (Connection other = StagingDatabase.connect(url)) {
      other.setAutoCommit(false);
      try (Statement st = other.createStatement()) {
        st.execute("SELECT count(*) FROM b"); // ACCESS SHARE on b until the transaction ends
      }
      ExecutionListener releaseOnFirstRetry = new ExecutionListener() {
        @Override
        public void statementFinished(StatementRun run) {
          ran.add(run.line());
        }

        @Override
        public void retrying(Retry retry) {
          try {
            other.commit();
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        }
      };

      ExecutionResult result = executor(url, 3).listener(releaseOnFirstRetry).execute(dir);

      assertThat(result.succeeded()).as("%s", result.failure()).isTrue();
      assertThat(result.migrations().get(0).retries()).singleElement()
          .satisfies(r -> assertThat(r.line()).isEqualTo(4));
    }
    // line 3 ran in the first attempt, was rolled back with it, and ran again with line 4
    assertThat(ran).containsExactly(3, 3, 4);
    assertThat(strings(url, "SELECT count(*) FROM pg_attribute WHERE attname = 'x' AND attrelid IN "
        + "('a'::regclass, 'b'::regclass)")).containsExactly("2");
  }

  @Test
  void refuses_a_scripts_transaction_blocks_it_cannot_run_as_written() throws Exception {
    String url = server.freshDatabase();
    write(dir, "V1__blocks.sql", "-- migration-safety:no-transaction\nBEGIN;\nCREATE TABLE a (id int);\n");
    assertThatThrownBy(() -> executor(url, 0).overrideBlocked("testing the plan").execute(dir))
        .hasMessageStartingWith("V1__blocks.sql:2: BEGIN without a COMMIT after it");
    write(dir, "V1__blocks.sql", "-- migration-safety:no-transaction\nCREATE TABLE a (id int);\nCOMMIT;\n");
    assertThatThrownBy(() -> executor(url, 0).overrideBlocked("testing the plan").execute(dir))
        .hasMessageStartingWith("V1__blocks.sql:3: COMMIT without a BEGIN before it");
    write(dir, "V1__blocks.sql", "-- migration-safety:no-transaction\nBEGIN;\nCREATE TABLE a (id int);\n"
        + "CREATE INDEX CONCURRENTLY a_id ON a (id);\nCOMMIT;\n");
    assertThatThrownBy(() -> executor(url, 0).overrideBlocked("testing the plan").execute(dir))
        .hasMessageStartingWith("V1__blocks.sql:4: CREATE INDEX CONCURRENTLY cannot run inside a transaction, and "
            + "the script opened one at line 2");
    write(dir, "V1__blocks.sql", "-- migration-safety:no-transaction\nBEGIN ISOLATION LEVEL SERIALIZABLE;\n"
        + "CREATE TABLE a (id int);\nCOMMIT;\n");
    assertThatThrownBy(() -> executor(url, 0).overrideBlocked("testing the plan").execute(dir)).hasMessageStartingWith("V1__blocks.sql:2: BEGIN ISOLATION");
    assertThat(strings(url, "SELECT coalesce(to_regclass('a')::text, 'none')")).containsExactly("none");
  }

  @Test
  void sends_copy_rows_from_the_script() throws Exception {
    String url = server.freshDatabase();
    write(dir, "V1__data.sql", "CREATE TABLE colours (id int, name text);\nCOPY colours FROM stdin;\n1\tred\n2\tblue\n\\.\n"
        + "CREATE TABLE after_copy (id int);\n");

    ExecutionResult result = executor(url, 0).execute(dir);

    assertThat(result.succeeded()).as("%s", result.failure()).isTrue();
    assertThat(strings(url, "SELECT id || name FROM colours ORDER BY id")).containsExactly("1red", "2blue");
    assertThat(strings(url, "SELECT coalesce(to_regclass('after_copy')::text, 'none')")).containsExactly("after_copy");
  }

  @Test
  void a_file_edited_after_it_was_applied_or_skipped_in_order_is_reported_from_the_history() throws Exception {
    String url = server.freshDatabase();
    write(dir, "V1__a.sql", "CREATE TABLE a (id int);\n");
    write(dir, "V3__c.sql", "CREATE TABLE c (id int);\n");
    executor(url, 0).execute(dir);
    write(dir, "V1__a.sql", "CREATE TABLE a (id bigint);\n");
    write(dir, "V2__b.sql", "CREATE TABLE b (id int);\n");

    Review review = MigrationSafety.builder().schemaFrom(url).allowWritableConnection(true).build().review(dir);

    assertThat(review.applied().source()).isEqualTo("public.migration_safety_history");
    assertThat(review.findings()).filteredOn(f -> !f.rule().equals("database-drift"))
        .extracting(f -> f.rule() + " " + f.file() + ": " + f.message()).containsExactly(
        "migration-history V1__a.sql: V1__a.sql changed after it was applied "
            + "(public.migration_safety_history has another SHA-256 for it)",
        "migration-history V2__b.sql: V2__b.sql has not run, but 3, which comes after it, has");
    // The edited file no longer builds what the database has; database-drift says what differs.
    assertThat(review.findings()).filteredOn(f -> f.rule().equals("database-drift")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("column public.a.id: type is integer in the database, "
            + "bigint in the applied migrations"));
    assertThat(review.migrations()).extracting(m -> m.migration().id()).containsExactly("2");
  }

  @Test
  void a_second_execution_on_the_same_database_stops_while_the_first_runs() throws Exception {
    String url = server.freshDatabase();
    write(dir, "V1__a.sql", "CREATE TABLE a (id int);\n");
    try (Connection first = StagingDatabase.connect(url); Statement st = first.createStatement()) {
      st.execute("SELECT pg_advisory_lock(" + StagingExecutor.ADVISORY_LOCK_KEY + ")");

      assertThatThrownBy(() -> executor(url, 0).execute(dir))
          .isInstanceOf(io.migrationsafety.database.DatabaseUnavailableException.class)
          .hasMessageContaining("another migration-safety execution is running");
    }
    assertThat(executor(url, 0).execute(dir).succeeded()).isTrue();
  }

  @Test
  void a_format_whose_history_it_cannot_write_is_refused() throws Exception {
    String url = server.freshDatabase();
    write(dir, "V1__a.sql", "CREATE TABLE a (id int);\n");
    io.migrationsafety.format.MigrationFormat unrecorded = new io.migrationsafety.format.MigrationFormat() {
      @Override
      public String name() {
        return "unrecorded";
      }

      @Override
      public io.migrationsafety.format.FormatMatch detect(Path directory) {
        return io.migrationsafety.format.FormatMatch.NONE;
      }

      @Override
      public io.migrationsafety.format.MigrationSet read(Path directory) {
        return new io.migrationsafety.format.sql.PlainSqlFormat().read(directory);
      }
    };

    assertThatThrownBy(() -> MigrationSafety.builder().format(unrecorded).build().executor(StagingTarget.of(url))
        .execute(dir)).isInstanceOf(ExecutionRefusedException.class)
        .hasMessageContaining("the unrecorded format has no history this library can write");
    assertThat(strings(url, "SELECT coalesce(to_regclass('a')::text, 'none')")).containsExactly("none");
  }
}
