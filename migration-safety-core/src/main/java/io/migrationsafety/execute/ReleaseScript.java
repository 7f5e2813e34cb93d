package io.migrationsafety.execute;

import io.migrationsafety.Review;
import io.migrationsafety.Reviewer;
import io.migrationsafety.Verdict;
import io.migrationsafety.format.HistorySql;
import io.migrationsafety.format.HistoryWriter;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.rollback.RollbackPlan;
import io.migrationsafety.rollback.Rollbacks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The script for production — the third gate, which a person approves and runs with
 * {@code psql -v ON_ERROR_STOP=1 -f release.sql}; the library itself never runs production.
 *
 * <p>It holds the pending migrations in order, each as the {@link StagingExecutor} runs it on
 * staging: {@code lock_timeout} and {@code statement_timeout} from the policy before every statement
 * that takes a lock, a transaction around each migration that runs in one, statements that cannot
 * run in a transaction outside one, and — for formats whose history can be written in SQL — a check
 * that skips a migration already recorded and the record of each migration in its own transaction.
 * Its header has the review's verdict and findings and a SHA-256 of the inputs. The rollback script
 * beside it undoes the migrations in reverse order, with what cannot be undone as comments saying why.
 *
 * @param sql the release script
 * @param rollbackSql the rollback script
 * @param review the review of the pending migrations
 * @param checksum the SHA-256 of the inputs: of the lines {@code <sha256>  <file>} of the pending
 *     migrations' scripts, in order, as {@code sha256sum} prints them
 * @param overrideReason why the script was written although the review blocked, or {@code null}
 */
public record ReleaseScript(String sql, String rollbackSql, Review review, String checksum, String overrideReason) {

  public ReleaseScript {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(rollbackSql, "rollbackSql");
    Objects.requireNonNull(review, "review");
    Objects.requireNonNull(checksum, "checksum");
  }

  /**
   * Reviews the pending migrations of {@code directory} with {@code reviewer} (on its schema and,
   * when it reads a database, that database's history) and writes their release script.
   *
   * @throws ExecutionRefusedException when the review blocks, or a script holds what the executor
   *     would not run either (the release script does exactly what staging did)
   */
  public static ReleaseScript prepare(Reviewer reviewer, Path directory) {
    return prepare(reviewer, directory, null);
  }

  /**
   * Like {@link #prepare(Reviewer, Path)}, writing the script even when the review blocks, for
   * {@code overrideReason}, which the header then shows.
   *
   * @param overrideReason why a blocked review is accepted; {@code null} refuses a blocked review
   */
  public static ReleaseScript prepare(Reviewer reviewer, Path directory, String overrideReason) {
    if (overrideReason != null && overrideReason.isBlank()) {
      throw new IllegalArgumentException("overriding a blocked review needs a reason, shown in the script");
    }
    MigrationSet set = reviewer.read(directory);
    Review review = reviewer.review(set);
    boolean blocked = review.verdict() == Verdict.BLOCKED;
    if (blocked && overrideReason == null) {
      throw new ExecutionRefusedException("the review of the pending migrations is BLOCKED; no release script was "
          + "written. Fix the blocking findings, or override with a reason.", review);
    }
    String override = blocked ? overrideReason.strip() : null;
    List<PlannedMigration> plan = ExecutionPlan.of(set, review, reviewer.schema(), "public",
        reviewer.policy().postgresVersion());
    Optional<HistorySql> history = reviewer.format(directory).historyWriter().flatMap(HistoryWriter::sql);
    String checksum = checksum(plan);
    List<RollbackPlan> rollbacks = Rollbacks.plan(set, reviewer.schema());
    ReleaseScriptWriter writer = new ReleaseScriptWriter(set, review, plan, history, reviewer.policy().execution(),
        checksum, override);
    return new ReleaseScript(writer.release(), writer.rollback(rollbacks), review, checksum, override);
  }

  /** The pending migrations, in order, as {@code sha256sum} lists files: {@code <sha256>  <file>}. */
  static String inputs(List<PlannedMigration> plan) {
    StringBuilder sb = new StringBuilder();
    for (PlannedMigration m : plan) {
      sb.append(m.migration().checksum()).append("  ").append(m.file()).append('\n');
    }
    return sb.toString();
  }

  private static String checksum(List<PlannedMigration> plan) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(inputs(plan).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
