package io.migrationsafety.rollback;

import java.util.List;
import java.util.Objects;

/**
 * How one forward operation is undone: an {@link Inverse} (SQL, possibly none) or an
 * {@link Irreversible} with the reason. Steps carry the forward statement's line, so every line of
 * a rollback script can be traced to what it undoes.
 */
public sealed interface RollbackStep permits RollbackStep.Inverse, RollbackStep.Irreversible {

  /** The one-based line of the forward statement this step undoes. */
  int line();

  /**
   * The SQL that undoes one forward operation.
   *
   * @param line the forward statement's line
   * @param statements the inverse statements, without terminating semicolons; empty when there is
   *     nothing to undo (a {@code VALIDATE CONSTRAINT}, a {@code VACUUM})
   * @param notes what the user must know: data not restored, must run outside a transaction …
   * @param dataLoss the structure comes back but data the forward step removed does not
   * @param outsideTransaction a statement must run outside a transaction block ({@code CONCURRENTLY})
   */
  record Inverse(int line, List<String> statements, List<String> notes, boolean dataLoss,
      boolean outsideTransaction) implements RollbackStep {
    public Inverse {
      statements = List.copyOf(statements);
      notes = List.copyOf(notes);
    }

    static Inverse of(int line, String... statements) {
      return new Inverse(line, List.of(statements), List.of(), false, false);
    }

    static Inverse nothing(int line, String note) {
      return new Inverse(line, List.of(), note == null ? List.of() : List.of(note), false, false);
    }

    Inverse withNote(String note) {
      return new Inverse(line, statements, concat(notes, note), dataLoss, outsideTransaction);
    }

    Inverse withDataLoss(String note) {
      return new Inverse(line, statements, concat(notes, note), true, outsideTransaction);
    }

    Inverse mustRunOutsideTransaction() {
      return new Inverse(line, statements,
          concat(notes, "must run outside a transaction block (CONCURRENTLY)"), dataLoss, true);
    }

    private static List<String> concat(List<String> list, String item) {
      java.util.ArrayList<String> copy = new java.util.ArrayList<>(list);
      copy.add(item);
      return copy;
    }
  }

  /**
   * A forward operation that cannot be undone.
   *
   * @param line the forward statement's line
   * @param reason why, as a sentence
   * @param advice how to undo it by hand, or an empty string
   */
  record Irreversible(int line, String reason, String advice) implements RollbackStep {
    public Irreversible {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(advice, "advice");
    }

    static Irreversible of(int line, String reason) {
      return new Irreversible(line, reason, "");
    }
  }
}
