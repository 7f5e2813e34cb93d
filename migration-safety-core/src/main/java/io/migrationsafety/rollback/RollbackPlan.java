package io.migrationsafety.rollback;

import io.migrationsafety.format.RollbackScript;
import io.migrationsafety.rollback.RollbackStep.Inverse;
import io.migrationsafety.rollback.RollbackStep.Irreversible;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How one migration is rolled back.
 *
 * @param file the forward script's file
 * @param steps the synthesized steps, in the order they run
 * @param check the static check of the synthesized rollback against the forward script
 * @param downScript the static check of the migration's hand-written down script, or {@code null}
 *     when it ships none
 */
public record RollbackPlan(String file, List<RollbackStep> steps, RollbackCheck check, RollbackCheck downScript) {
  public RollbackPlan {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(check, "check");
    steps = List.copyOf(steps);
  }

  /** Whether every step can be undone (data loss aside: see {@link #dataLoss()}). */
  public boolean reversible() {
    return steps.stream().noneMatch(s -> s instanceof Irreversible);
  }

  /** The steps that cannot be undone. */
  public List<Irreversible> irreversible() {
    return steps.stream().filter(s -> s instanceof Irreversible).map(s -> (Irreversible) s)
        .collect(Collectors.toList());
  }

  /** The notes of steps that restore structure but not data, prefixed with the forward line. */
  public List<String> dataLoss() {
    return steps.stream().filter(s -> s instanceof Inverse i && i.dataLoss())
        .flatMap(s -> ((Inverse) s).notes().stream().map(n -> "line " + s.line() + ": " + n))
        .collect(Collectors.toList());
  }

  /** Whether a statement of the rollback must run outside a transaction block. */
  public boolean outsideTransaction() {
    return steps.stream().anyMatch(s -> s instanceof Inverse i && i.outsideTransaction());
  }

  /**
   * The rollback as a format's {@link io.migrationsafety.format.DownScriptWriter} receives it.
   *
   * @throws IllegalStateException when a step is irreversible: such a plan has no rollback to write
   */
  public RollbackScript script() {
    if (!reversible()) {
      throw new IllegalStateException(file + " cannot be undone, so it has no rollback script");
    }
    List<String> statements = steps.stream().flatMap(s -> ((Inverse) s).statements().stream())
        .collect(Collectors.toList());
    return new RollbackScript(sql(), statements, outsideTransaction());
  }

  /** The hand-written down script's check, if the migration ships one. */
  public Optional<RollbackCheck> downScriptCheck() {
    return Optional.ofNullable(downScript);
  }

  /**
   * The rollback script: each step under a comment naming the forward line it undoes, with its
   * notes; an irreversible step as a comment with the reason.
   */
  public String sql() {
    StringBuilder sb = new StringBuilder();
    for (RollbackStep step : steps) {
      if (step instanceof Irreversible i) {
        sb.append("-- line ").append(i.line()).append(": IRREVERSIBLE: ").append(oneLine(i.reason())).append('\n');
        if (!i.advice().isBlank()) {
          sb.append("--   ").append(oneLine(i.advice())).append('\n');
        }
        continue;
      }
      Inverse inverse = (Inverse) step;
      if (inverse.statements().isEmpty() && inverse.notes().isEmpty()) {
        continue;
      }
      sb.append("-- line ").append(inverse.line());
      sb.append(inverse.statements().isEmpty() ? ": nothing to undo" : "").append('\n');
      for (String note : inverse.notes()) {
        sb.append("--   ").append(oneLine(note)).append('\n');
      }
      for (String statement : inverse.statements()) {
        sb.append(statement).append(";\n");
      }
    }
    return sb.toString();
  }

  private static String oneLine(String text) {
    return text.replace('\n', ' ');
  }
}
