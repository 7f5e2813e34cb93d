package io.migrationsafety.execute;

import io.migrationsafety.MigrationReview;
import io.migrationsafety.report.EstimateText;
import io.migrationsafety.Review;
import io.migrationsafety.Version;
import io.migrationsafety.format.HistorySql;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.policy.ExecutionSettings;
import io.migrationsafety.rollback.RollbackPlan;
import io.migrationsafety.rollback.RollbackStep;
import io.migrationsafety.rule.Finding;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Writes the text of a {@link ReleaseScript} and of its rollback. */
final class ReleaseScriptWriter {

  /** The psql variable the skip check sets. */
  private static final String APPLIED = "migration_safety_applied";

  private final MigrationSet set;
  private final Review review;
  private final List<PlannedMigration> plan;
  private final Optional<HistorySql> history;
  private final ExecutionSettings settings;
  private final String checksum;
  private final String override;

  ReleaseScriptWriter(MigrationSet set, Review review, List<PlannedMigration> plan, Optional<HistorySql> history,
      ExecutionSettings settings, String checksum, String override) {
    this.set = set;
    this.review = review;
    this.plan = plan;
    this.history = history;
    this.settings = settings;
    this.checksum = checksum;
    this.override = override;
  }

  String release() {
    StringBuilder sb = new StringBuilder();
    sb.append("-- migration-safety release script, written by migration-safety ").append(Version.get()).append('\n');
    sb.append("-- For a person to approve and run:  psql -v ON_ERROR_STOP=1 -f <this file> <database URL>\n");
    header(sb);
    sb.append("-- Before every statement that takes a lock: lock_timeout ").append(human(settings.lockTimeout()))
        .append(", statement_timeout ").append(settings.statementTimeout().isZero() ? "none"
            : human(settings.statementTimeout())).append(".\n");
    sb.append("-- A lock timeout or any error stops the script; the migration it was in is rolled back when it runs\n"
        + "-- in a transaction. Statements of a migration that runs without one stay applied up to the failure.\n");
    sb.append(history.isPresent()
        ? "-- Each migration is recorded in the history with its statements; one already recorded is skipped,\n"
            + "-- so the script can be run again after a stop.\n"
        : "-- The " + set.format() + " format's history is written by its own tool, not by this script: record the\n"
            + "-- migrations with it after the run, and do not run this script twice.\n");
    sb.append("-- Each migration's heading gives the review's estimate of its run time and of how long it holds\n"
        + "-- locks that block reads or writes, on the table sizes the review knew.\n");
    sb.append("\n\\set ON_ERROR_STOP on\n");
    history.ifPresent(h -> sb.append(h.prepare()).append(";\n"));
    for (PlannedMigration m : plan) {
      migration(sb, m);
    }
    sb.append("\n\\echo 'migration-safety: release complete'\n");
    return sb.toString();
  }

  private void header(StringBuilder sb) {
    sb.append("--\n-- Migrations: ").append(set.directory()).append(" (").append(set.format()).append("), ")
        .append(plan.size()).append(" pending\n");
    sb.append("-- Review verdict: ").append(review.verdict()).append(" (PostgreSQL ").append(review.postgresVersion())
        .append(")\n");
    if (override != null) {
      sb.append("-- BLOCKED review overridden, because: ").append(oneLine(override)).append('\n');
    }
    for (Finding f : review.findings()) {
      sb.append("--   ").append(f.file()).append(':').append(f.line()).append(' ').append(f.severity()).append(' ')
          .append(f.rule()).append(": ").append(oneLine(f.message())).append('\n');
    }
    sb.append("-- Inputs SHA-256: ").append(checksum).append('\n');
    sb.append("--   (of these lines, as sha256sum prints them for the migration scripts)\n");
    ReleaseScript.inputs(plan).lines().forEach(line -> sb.append("--   ").append(line).append('\n'));
    sb.append("--\n");
  }

  private void migration(StringBuilder sb, PlannedMigration m) {
    Optional<MigrationReview> reviewed = review.migrations().stream()
        .filter(r -> r.migration().id().equals(m.migration().id())).findFirst();
    String verdict = reviewed.map(MigrationReview::verdict).map(Enum::name).orElse("not reviewed");
    sb.append("\n-- ==== ").append(m.file()).append(" (").append(m.migration().id()).append(") · review ")
        .append(verdict).append(" · ").append(m.transactional() ? "one transaction" : "no transaction")
        .append(" ====\n");
    reviewed.ifPresent(r -> sb.append("-- estimate: ").append(EstimateText.migration(r.estimate())).append('\n'));
    boolean copies = m.statements().stream().anyMatch(s -> s.copyData() != null);
    // psql skips a \if branch by reading it as SQL: COPY rows there could read as an open quote.
    boolean skippable = history.isPresent() && !copies;
    if (skippable) {
      sb.append(history.get().appliedQuery(set, m.migration())).append(" AS ").append(APPLIED).append(" \\gset\n");
      sb.append("\\if :").append(APPLIED).append('\n');
      sb.append("\\echo '").append(echo(m.file())).append(": already applied, skipped'\n");
      sb.append("\\else\n");
    } else if (history.isPresent()) {
      sb.append("DO $migration_safety$ BEGIN IF (").append(history.get().appliedQuery(set, m.migration()))
          .append(") THEN RAISE EXCEPTION 'migration ").append(m.migration().id().replace("'", "''"))
          .append(" is already applied; remove it from this script'; END IF; END $migration_safety$;\n");
    }
    sb.append("\\echo '").append(echo(m.file())).append("'\n");
    if (m.transactional()) {
      sb.append("BEGIN;\n");
    }
    List<PlannedStatement> statements = m.statements();
    for (int i = 0; i < statements.size(); i++) {
      PlannedStatement s = statements.get(i);
      if (s.block() > 0 && (i == 0 || statements.get(i - 1).block() != s.block())) {
        sb.append("BEGIN; -- the script's own transaction block\n");
      }
      sb.append("-- ").append(m.file()).append(':').append(s.line()).append('\n');
      if (s.takesLock()) {
        sb.append("SET lock_timeout = ").append(ExecutionSettings.settingValue(settings.lockTimeout())).append(";\n");
        sb.append("SET statement_timeout = ").append(ExecutionSettings.settingValue(settings.statementTimeout()))
            .append(";\n");
      }
      sb.append(s.sql()).append(";\n");
      if (s.copyData() != null) {
        sb.append(s.copyData()).append("\\.\n");
      }
      if (s.block() > 0 && (i + 1 == statements.size() || statements.get(i + 1).block() != s.block())) {
        sb.append("COMMIT;\n");
      }
    }
    sb.append("RESET lock_timeout;\nRESET statement_timeout;\n");
    history.ifPresent(h -> sb.append(h.recordApplied(set, m.migration(), m.file())).append(";\n"));
    if (m.transactional()) {
      sb.append("COMMIT;\n");
    }
    if (skippable) {
      sb.append("\\endif\n");
    }
  }

  String rollback(List<RollbackPlan> rollbacks) {
    StringBuilder sb = new StringBuilder();
    sb.append("-- migration-safety rollback script, written by migration-safety ").append(Version.get()).append('\n');
    sb.append("-- Undoes the release script with inputs SHA-256 ").append(checksum).append(",\n");
    sb.append("-- the last migration first. Run it only to undo that release:\n");
    sb.append("--   psql -v ON_ERROR_STOP=1 -f <this file> <database URL>\n");
    boolean irreversible = rollbacks.stream().anyMatch(p -> !p.reversible());
    if (irreversible) {
      sb.append("-- WARNING: some steps cannot be undone; they are comments below, with the reason:\n");
      for (RollbackPlan p : rollbacks) {
        for (RollbackStep.Irreversible step : p.irreversible()) {
          sb.append("--   ").append(p.file()).append(':').append(step.line()).append(' ').append(oneLine(step.reason()))
              .append('\n');
        }
      }
    }
    rollbacks.stream().flatMap(p -> p.dataLoss().stream().map(n -> p.file() + " " + n)).forEach(note ->
        sb.append("-- Data not restored: ").append(oneLine(note)).append('\n'));
    sb.append("\n\\set ON_ERROR_STOP on\n");
    sb.append("SET lock_timeout = ").append(ExecutionSettings.settingValue(settings.lockTimeout())).append(";\n");
    sb.append("SET statement_timeout = ").append(ExecutionSettings.settingValue(settings.statementTimeout()))
        .append(";\n");
    for (int i = plan.size() - 1; i >= 0; i--) {
      PlannedMigration m = plan.get(i);
      RollbackPlan p = rollbacks.get(i);
      sb.append("\n-- ==== undo ").append(m.file()).append(" (").append(m.migration().id()).append(")")
          .append(p.reversible() ? "" : " · NOT fully reversible").append(" ====\n");
      history.ifPresent(h -> {
        sb.append(h.appliedQuery(set, m.migration())).append(" AS ").append(APPLIED).append(" \\gset\n");
        sb.append("\\if :").append(APPLIED).append('\n');
      });
      sb.append("\\echo 'undo ").append(echo(m.file())).append("'\n");
      boolean transaction = !p.outsideTransaction();
      if (transaction) {
        sb.append("BEGIN;\n");
      }
      sb.append(p.sql());
      if (p.reversible()) {
        history.ifPresent(h -> sb.append(h.forget(set, m.migration())).append(";\n"));
      } else {
        sb.append("-- The history keeps this migration: it is not fully undone.\n");
      }
      if (transaction) {
        sb.append("COMMIT;\n");
      }
      history.ifPresent(h -> sb.append("\\else\n\\echo '").append(echo(m.file()))
          .append(": not applied, nothing to undo'\n\\endif\n"));
    }
    return sb.toString();
  }

  /** A duration as the policy writes it. */
  static String human(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0) {
      return ms / 60_000 + "min";
    }
    if (ms % 1_000 == 0) {
      return ms / 1_000 + "s";
    }
    return ms + "ms";
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*\\R\\s*", " ");
  }

  /** Text safe inside psql's single-quoted {@code \echo} argument. */
  private static String echo(String text) {
    return text.replace("\\", "/").replace("'", "");
  }
}
