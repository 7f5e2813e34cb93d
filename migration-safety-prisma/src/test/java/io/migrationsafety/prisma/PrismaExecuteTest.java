package io.migrationsafety.prisma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationsafety.MigrationSafety;
import io.migrationsafety.execute.ExecutionRefusedException;
import io.migrationsafety.database.DatabaseUnavailableException;
import io.migrationsafety.execute.ExecutionListener;
import io.migrationsafety.execute.ExecutionResult;
import io.migrationsafety.execute.ReleaseScript;
import io.migrationsafety.execute.StagingTarget;
import io.migrationsafety.execute.StatementRun;
import io.migrationsafety.format.AppliedState;
import io.migrationsafety.format.HistoryProblem;
import io.migrationsafety.format.HistorySql;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Prisma project executed on staging (embedded PostgreSQL) and released by the production script:
 * {@code _prisma_migrations} ends up as {@code prisma migrate deploy} leaves it, and
 * {@link PrismaHistory} reads it back.
 */
class PrismaExecuteTest {

  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
  private static final String ROWS = "SELECT migration_name || ' ' || checksum || ' ' || applied_steps_count || ' '"
      + " || (finished_at IS NOT NULL) || ' ' || coalesce(logs, '-') || ' ' || (id ~ '^" + UUID_V4 + "$')"
      + " FROM _prisma_migrations ORDER BY started_at, migration_name";

  private static EmbeddedPostgres postgres;

  @TempDir
  Path project;

  @TempDir
  Path out;

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  /** A new, empty database; its JDBC URL. */
  private static String freshDatabase() throws SQLException {
    String name = "prisma_" + NEXT.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    return postgres.getJdbcUrl("postgres", name);
  }

  /** Three migrations as Prisma writes them: one transactional, one of one statement, one concurrent index. */
  private Path blog() throws IOException {
    Files.writeString(project.resolve("migration_lock.toml"), "provider = \"postgresql\"\n");
    migration("20240101000000_init", """
        -- CreateTable
        CREATE TABLE "User" (
            "id" SERIAL NOT NULL,
            "email" TEXT NOT NULL,

            CONSTRAINT "User_pkey" PRIMARY KEY ("id")
        );

        -- CreateTable
        CREATE TABLE "Post" (
            "id" SERIAL NOT NULL,
            "title" TEXT NOT NULL,
            "authorId" INTEGER NOT NULL,

            CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
        );
        """);
    migration("20240102000000_add_name", "-- AlterTable\nALTER TABLE \"User\" ADD COLUMN     \"name\" TEXT;\n");
    migration("20240103000000_author_index",
        "-- CreateIndex\nCREATE INDEX CONCURRENTLY \"Post_authorId_idx\" ON \"Post\"(\"authorId\");\n");
    return project;
  }

  private void migration(String name, String sql) throws IOException {
    Files.createDirectories(project.resolve(name));
    Files.writeString(project.resolve(name).resolve("migration.sql"), sql);
  }

  /** What Prisma stores as the checksum: the SHA-256 of the file's bytes. */
  private String fileChecksum(String name) throws Exception {
    byte[] bytes = Files.readAllBytes(project.resolve(name).resolve("migration.sql"));
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static List<String> strings(String url, String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(query)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  private static void run(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static AppliedState history(String url, Path dir) throws SQLException {
    MigrationSet set = new PrismaFormat().read(dir);
    try (Connection c = DriverManager.getConnection(url)) {
      return new PrismaHistory().read(c, set);
    }
  }

  private List<String> appliedRows() throws Exception {
    return List.of(
        "20240101000000_init " + fileChecksum("20240101000000_init") + " 1 true - true",
        "20240102000000_add_name " + fileChecksum("20240102000000_add_name") + " 1 true - true",
        "20240103000000_author_index " + fileChecksum("20240103000000_author_index") + " 1 true - true");
  }

  @Test
  void execute_on_staging_leaves_the_rows_prisma_migrate_deploy_writes() throws Exception {
    blog();
    String staging = freshDatabase();

    ExecutionResult result = MigrationSafety.builder().build().executor(StagingTarget.of(staging)).execute(project);

    assertThat(result.succeeded()).as("%s", result.failure()).isTrue();
    assertThat(strings(staging, ROWS)).containsExactlyElementsOf(appliedRows());
    assertThat(strings(staging, "SELECT count(*) FROM _prisma_migrations WHERE rolled_back_at IS NULL "
        + "AND started_at <= finished_at")).containsExactly("3");
    // The table as Prisma's schema engine creates it.
    assertThat(strings(staging, "SELECT column_name || ' ' || data_type || ' ' || is_nullable || ' ' "
        + "|| coalesce(character_maximum_length::text, '-') || ' ' || coalesce(column_default, '-') "
        + "FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position"))
        .containsExactly("id character varying NO 36 -", "checksum character varying NO 64 -",
            "finished_at timestamp with time zone YES - -", "migration_name character varying NO 255 -",
            "logs text YES - -", "rolled_back_at timestamp with time zone YES - -",
            "started_at timestamp with time zone NO - now()", "applied_steps_count integer NO - 0");
    AppliedState state = history(staging, project);
    assertThat(state.applied()).containsExactlyInAnyOrder("20240101000000_init", "20240102000000_add_name",
        "20240103000000_author_index");
    assertThat(state.problems()).isEmpty();

    ExecutionResult again = MigrationSafety.builder().build().executor(StagingTarget.of(staging)).execute(project);
    assertThat(again.migrations()).isEmpty();
    assertThat(again.alreadyApplied()).hasSize(3);
    assertThat(strings(staging, "SELECT count(*) FROM _prisma_migrations")).containsExactly("3");
  }

  /** Sessions holding Prisma Migrate's advisory lock (key 72707369), by pid; the executor's own lock is another key. */
  private static final String PRISMA_LOCK_HOLDERS = "SELECT pid::text FROM pg_locks WHERE locktype = 'advisory' "
      + "AND classid = 0 AND objid = 72707369 AND objsubid = 1 AND granted "
      + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";

  @Test
  void while_prisma_migrate_deploy_holds_its_lock_the_executor_stops_before_anything_runs() throws Exception {
    blog();
    String staging = freshDatabase();
    try (Connection deploy = DriverManager.getConnection(staging); Statement st = deploy.createStatement()) {
      st.execute("SELECT pg_advisory_lock(72707369)"); // what prisma migrate deploy holds for its whole run

      assertThatThrownBy(() -> MigrationSafety.builder().build().executor(StagingTarget.of(staging)).execute(project))
          .isInstanceOf(DatabaseUnavailableException.class)
          .hasMessageContaining("the prisma tool is migrating").hasMessageContaining("72707369");
      assertThat(strings(staging, "SELECT to_regclass('_prisma_migrations') IS NULL AND to_regclass('\"User\"') IS NULL"))
          .containsExactly("t");
    }
    // Its own lock was released too: with the deploy gone, the next execution runs.
    assertThat(MigrationSafety.builder().build().executor(StagingTarget.of(staging)).execute(project).succeeded())
        .isTrue();
  }

  @Test
  void a_concurrent_index_is_not_sent_while_a_deploy_waits_for_prismas_lock_so_the_two_do_not_deadlock()
      throws Exception {
    blog();
    String staging = freshDatabase();
    List<Throwable> deployEnded = new ArrayList<>();
    Thread[] deploy = new Thread[1];
    ExecutionListener aDeployWaitsBeforeTheIndex = new ExecutionListener() {
      @Override
      public void statementFinished(StatementRun run) {
        if (!run.file().startsWith("20240102000000_add_name") || deploy[0] != null) {
          return;
        }
        // what prisma migrate deploy does: wait for the lock, and give up after a while
        deploy[0] = new Thread(() -> {
          try (Connection c = DriverManager.getConnection(staging); Statement st = c.createStatement()) {
            st.execute("SET statement_timeout = '3s'");
            st.execute("SELECT pg_advisory_lock(72707369)");
          } catch (SQLException e) {
            deployEnded.add(e);
          }
        });
        deploy[0].start();
        try {
          for (int i = 0; i < 100 && strings(staging, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
              + "AND objid = 72707369 AND NOT granted").get(0).equals("0"); i++) {
            Thread.sleep(50);
          }
        } catch (SQLException | InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }
    };
    io.migrationsafety.policy.Policy patient = io.migrationsafety.policy.Policy.defaults().withExecution(
        new io.migrationsafety.policy.ExecutionSettings(java.time.Duration.ofSeconds(2),
            java.time.Duration.ofSeconds(30), 6, java.time.Duration.ofMillis(200)));

    ExecutionResult result = MigrationSafety.builder().policy(patient).build().executor(StagingTarget.of(staging))
        .listener(aDeployWaitsBeforeTheIndex).execute(project);
    deploy[0].join(10_000);

    assertThat(result.succeeded()).as("%s", result.failure()).isTrue();
    assertThat(result.migrations().get(2).retries()).isNotEmpty().allSatisfy(r -> assertThat(r.message())
        .contains("waiting for the advisory lock 72707369"));
    assertThat(strings(staging, "SELECT indisvalid FROM pg_index WHERE indexrelid = '\"Post_authorId_idx\"'::regclass"))
        .containsExactly("t");
    // the deploy gave up waiting (its own timeout) instead of deadlocking the index build
    assertThat(deployEnded).singleElement().asString().contains("statement timeout");
  }

  @Test
  void the_executor_holds_prismas_lock_while_it_runs_and_releases_it_afterwards() throws Exception {
    blog();
    String staging = freshDatabase();
    List<String> deployGotTheLock = new ArrayList<>();
    List<String> holders = new ArrayList<>();
    try (Connection deploy = DriverManager.getConnection(staging); Statement st = deploy.createStatement()) {
      ExecutionListener aDeployStartsMeanwhile = new ExecutionListener() {
        @Override
        public void statementFinished(StatementRun run) {
          try (ResultSet rs = st.executeQuery("SELECT pg_try_advisory_lock(72707369)")) {
            rs.next();
            deployGotTheLock.add(rs.getString(1));
            holders.addAll(strings(staging, PRISMA_LOCK_HOLDERS));
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        }
      };

      ExecutionResult result = MigrationSafety.builder().build().executor(StagingTarget.of(staging))
          .listener(aDeployStartsMeanwhile).execute(project);

      assertThat(result.succeeded()).isTrue();
      assertThat(deployGotTheLock).hasSize(4).containsOnly("f"); // after each of the four statements
      // One holder at each statement, always the same session, and not the deploy's: the executor.
      assertThat(holders).hasSize(4).doesNotContain(pid(st));
      assertThat(holders.stream().distinct()).hasSize(1);
      // Released before the executor's connection closed: a deploy started now gets it at once.
      try (ResultSet rs = st.executeQuery("SELECT pg_try_advisory_lock(72707369)")) {
        rs.next();
        assertThat(rs.getBoolean(1)).isTrue();
      }
    }
    assertThat(strings(staging, PRISMA_LOCK_HOLDERS)).isEmpty();
  }

  @Test
  void a_migration_that_fails_after_committing_part_leaves_a_failed_row_and_the_next_execution_is_refused()
      throws Exception {
    blog();
    String staging = freshDatabase();
    assertThat(MigrationSafety.builder().build().executor(StagingTarget.of(staging)).execute(project).succeeded())
        .isTrue();
    run(staging, "INSERT INTO \"User\" (email) VALUES ('a@example.com'), ('a@example.com')");
    // A unique index built concurrently on duplicates fails and leaves an INVALID index behind.
    migration("20240104000000_unique_email",
        "-- CreateIndex\nCREATE UNIQUE INDEX CONCURRENTLY \"User_email_key\" ON \"User\"(\"email\");\n");
    // the review's data probe sees the repeated email and blocks; overridden to see the failure itself
    ExecutionResult result = MigrationSafety.builder().build().executor(StagingTarget.of(staging))
        .overrideBlocked("testing what a failed build leaves").execute(project);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.failure().leftovers()).isNotEmpty();
    assertThat(strings(staging, "SELECT applied_steps_count || ' ' || (finished_at IS NULL) || ' ' "
        + "|| (rolled_back_at IS NULL) || ' ' || checksum FROM _prisma_migrations "
        + "WHERE migration_name = '20240104000000_unique_email'"))
        .containsExactly("0 true true " + fileChecksum("20240104000000_unique_email"));
    assertThat(strings(staging, "SELECT logs FROM _prisma_migrations WHERE migration_name = "
        + "'20240104000000_unique_email'").get(0))
        .startsWith("20240104000000_unique_email/migration.sql:2 [23505] ERROR: could not create unique index")
        .contains("prisma migrate resolve --rolled-back 20240104000000_unique_email");
    AppliedState state = history(staging, project);
    assertThat(state.applied()).doesNotContain("20240104000000_unique_email");
    assertThat(state.problems()).extracting(HistoryProblem::kind).containsExactly(HistoryProblem.Kind.FAILED);
    assertThat(state.problems().get(0).message()).contains("[23505]");

    assertThatThrownBy(() -> MigrationSafety.builder().build().executor(StagingTarget.of(staging)).execute(project))
        .isInstanceOf(ExecutionRefusedException.class).hasMessageContaining("BLOCKED");
  }

  @Test
  void the_release_script_run_by_psql_records_the_rows_and_skips_them_when_run_again() throws Exception {
    blog();
    String production = freshDatabase();
    ReleaseScript script = ReleaseScript.prepare(MigrationSafety.builder().build(), project);
    Path release = Files.writeString(out.resolve("release.sql"), script.sql());
    Path rollback = Files.writeString(out.resolve("release.rollback.sql"), script.rollbackSql());

    psql(release, production);

    assertThat(strings(production, ROWS)).containsExactlyElementsOf(appliedRows());
    AppliedState state = history(production, project);
    assertThat(state.applied()).hasSize(3);
    assertThat(state.problems()).isEmpty();

    String again = psql(release, production);
    assertThat(again).contains("20240101000000_init/migration.sql: already applied, skipped",
        "20240103000000_author_index/migration.sql: already applied, skipped");
    assertThat(strings(production, "SELECT count(*) FROM _prisma_migrations")).containsExactly("3");

    psql(rollback, production);
    assertThat(strings(production, "SELECT count(*) FROM _prisma_migrations")).containsExactly("0");
    assertThat(strings(production, "SELECT to_regclass('\"User\"') IS NULL")).containsExactly("t");
  }

  @Test
  void the_history_sql_run_statement_by_statement_records_and_skips_as_psql_does() throws Exception {
    blog();
    String production = freshDatabase();
    MigrationSet set = new PrismaFormat().read(project);
    HistorySql sql = new PrismaFormat().historyWriter().orElseThrow().sql().orElseThrow();
    try (Connection c = DriverManager.getConnection(production); Statement st = c.createStatement()) {
      st.execute(sql.prepare());
      st.execute(sql.prepare()); // idempotent: the script prepares on every run
      for (Migration m : set.migrations()) {
        assertThat(applied(st, sql.appliedQuery(set, m))).isFalse();
        boolean transaction = m.transactional();
        c.setAutoCommit(!transaction);
        st.execute(m.upScript());
        st.execute(sql.recordApplied(set, m, m.id() + "/migration.sql"));
        if (transaction) {
          c.commit();
        }
        c.setAutoCommit(true);
        assertThat(applied(st, sql.appliedQuery(set, m))).isTrue();
      }
      // A newest row that failed or was rolled back is not applied, whatever came before it.
      st.execute("INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES "
          + "('00000000-0000-4000-8000-000000000000', 'x', '20240102000000_add_name', now() + interval '1 hour')");
      assertThat(applied(st, sql.appliedQuery(set, set.migrations().get(1)))).isFalse();
    }
    assertThat(strings(production, ROWS)).containsAll(appliedRows());
    assertThat(history(production, project).problems()).extracting(HistoryProblem::kind)
        .containsExactly(HistoryProblem.Kind.FAILED);
  }

  private static String pid(Statement st) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT pg_backend_pid()::text")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static boolean applied(Statement st, String query) throws SQLException {
    try (ResultSet rs = st.executeQuery(query)) {
      assertThat(rs.next()).isTrue();
      return rs.getBoolean(1);
    }
  }

  private static String psql(Path script, String url) throws Exception {
    Assumptions.assumeTrue(psqlAvailable(), "psql is not on the PATH: the production script is not run here");
    String database = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?') > 0 ? url.indexOf('?') : url.length());
    Process p = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "localhost", "-p",
        String.valueOf(postgres.getPort()), "-U", "postgres", "-d", database, "-f", script.toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    return output;
  }

  private static boolean psqlAvailable() {
    try {
      return new ProcessBuilder("psql", "--version").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
