package io.migrationsafety.cli;

import io.migrationsafety.MigrationSafetyException;
import io.migrationsafety.format.DownScriptFile;
import io.migrationsafety.format.DownScriptWriter;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationFormat;
import io.migrationsafety.format.MigrationFormatException;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.rollback.RollbackPlan;
import io.migrationsafety.rollback.VerifiedRollback;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rollback --write}: lays out each rollback with the format's writer and writes it, unless
 * the migration cannot be undone, its rollback failed a check, or it would replace a rollback the
 * migration has (without {@code --force}).
 */
final class RollbackFiles {

  /** What happened to one migration's rollback file. */
  enum Action { written, kept, skipped }

  /**
   * The outcome for one migration.
   *
   * @param file the rollback file (or the forward file when none was laid out)
   * @param action what was done
   * @param reason why it was kept or skipped; empty when written
   */
  record Outcome(Path file, Action action, String reason) {}

  private RollbackFiles() {}

  /**
   * Writes the rollbacks of {@code set}.
   *
   * @param verified the round trips on PostgreSQL, or null when not asked for
   * @throws MigrationSafetyException when the format has no place for rollbacks
   */
  static List<Outcome> write(MigrationFormat format, MigrationSet set, List<RollbackPlan> plans,
      List<VerifiedRollback> verified, boolean force) {
    DownScriptWriter writer = format.downScriptWriter().orElseThrow(() -> new MigrationSafetyException(
        "the " + format.name() + " format has no place for a rollback script (no tool reads one beside its "
            + "migrations); run `migration-safety rollback` without --write to print the rollbacks"));
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      Migration migration = set.migrations().get(i);
      RollbackPlan plan = plans.get(i);
      String unfit = unfit(plan, verified == null ? null : verified.get(i));
      if (unfit != null) {
        outcomes.add(new Outcome(migration.file(), Action.skipped, unfit));
        continue;
      }
      DownScriptFile file;
      try {
        file = writer.write(set, migration, plan.script());
      } catch (MigrationFormatException e) {
        outcomes.add(new Outcome(migration.file(), Action.skipped, e.getMessage()));
        continue;
      }
      if (file.replacesRollback() && !force) {
        outcomes.add(new Outcome(file.file(), Action.kept, "the migration has a rollback there already; "
            + "--force replaces it"));
        continue;
      }
      try {
        Files.writeString(file.file(), file.text(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new MigrationSafetyException("cannot write " + file.file() + ": " + e.getMessage());
      }
      outcomes.add(new Outcome(file.file(), Action.written, ""));
    }
    return outcomes;
  }

  /** Why this rollback must not be written, or null. */
  private static String unfit(RollbackPlan plan, VerifiedRollback verified) {
    if (!plan.reversible()) {
      return "irreversible: " + String.join("; ", plan.irreversible().stream()
          .map(s -> "line " + s.line() + ": " + s.reason()).toList());
    }
    if (!plan.check().restoresSchema()) {
      return "the synthesized rollback does not restore the schema: "
          + String.join("; ", concat(plan.check().differences(), plan.check().problems()));
    }
    if (verified != null && verified.skipped() != null) {
      return "not verified on PostgreSQL: " + verified.skipped();
    }
    if (verified != null && !verified.synthesized().restoresSchema()) {
      return "the rollback failed on PostgreSQL: " + RollbackCommand.describe(verified.synthesized());
    }
    return null;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
