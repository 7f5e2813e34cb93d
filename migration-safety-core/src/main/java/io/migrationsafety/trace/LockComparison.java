package io.migrationsafety.trace;

import io.migrationsafety.lock.LockEffect;
import io.migrationsafety.lock.LockMode;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Compares what the lock model predicted for a statement with what the server showed. Per
 * relation the mode must be equal, and the rewrite flag too where the relation has data files of
 * its own. A lock stronger than ACCESS SHARE on a table,
 * view or materialized view the model does not name is a difference; ACCESS SHARE on a relation a
 * statement only reads (through a view, a query) is not modelled and not a difference; indexes and
 * sequences are compared where the model names them. A predicted mode the statement's transaction
 * already held before it cannot show up again, and is not a difference.
 */
public final class LockComparison {

  private LockComparison() {}

  /**
   * One relation where the two disagree.
   *
   * @param relation the relation
   * @param observed what the server showed, in words ({@code SHARE + rewrite}, {@code nothing})
   * @param predicted what the model predicted, in words
   */
  public record Difference(QualifiedName relation, String observed, String predicted) {

    public Difference {
      Objects.requireNonNull(relation, "relation");
      Objects.requireNonNull(observed, "observed");
      Objects.requireNonNull(predicted, "predicted");
    }

    @Override
    public String toString() {
      return relation.sql() + ": server " + observed + ", model " + predicted;
    }
  }

  /** The differences between {@code predicted} and {@code observed}, in relation order. */
  public static List<Difference> compare(List<LockEffect> predicted, ObservedStatement observed) {
    Map<QualifiedName, LockEffect> byName = new TreeMap<>(Schema.NAME_ORDER);
    predicted.forEach(e -> byName.merge(e.relation(), e, (a, b) -> b.mode().compareTo(a.mode()) > 0 ? b : a));
    Map<QualifiedName, LockMode> held = new TreeMap<>(Schema.NAME_ORDER);
    observed.held().forEach(l -> held.merge(l.relation(), l.mode(), LockMode::max));
    List<Difference> differences = new ArrayList<>();
    Map<QualifiedName, ObservedLock> seen = new TreeMap<>(Schema.NAME_ORDER);
    for (ObservedLock lock : observed.locks()) {
      seen.put(lock.relation(), lock);
      boolean rewrite = observed.rewrites().contains(lock.relation());
      LockEffect p = byName.get(lock.relation());
      if (p == null) {
        if (lock.kind().alwaysCompared() && lock.mode() != LockMode.ACCESS_SHARE) {
          differences.add(new Difference(lock.relation(), words(lock.mode(), rewrite), "nothing"));
        }
        continue;
      }
      boolean alreadyHeld = held.containsKey(p.relation()) && held.get(p.relation()).compareTo(p.mode()) >= 0
          && lock.mode().compareTo(p.mode()) <= 0;
      boolean modeDiffers = p.mode() != lock.mode() && !alreadyHeld;
      // A relation without data files of its own (a partitioned table) cannot show a rewrite.
      boolean rewriteDiffers = lock.kind().hasStorage() && p.rewrite() != rewrite;
      if (modeDiffers || rewriteDiffers) {
        differences.add(new Difference(lock.relation(), words(lock.mode(), rewrite),
            words(p.mode(), p.rewrite())));
      }
    }
    for (LockEffect p : byName.values()) {
      if (seen.containsKey(p.relation())) {
        continue;
      }
      LockMode before = held.get(p.relation());
      boolean rewrite = observed.rewrites().contains(p.relation());
      if (before != null && before.compareTo(p.mode()) >= 0) {
        if (p.rewrite() != rewrite) {
          differences.add(new Difference(p.relation(), "rewrite " + rewrite, words(p.mode(), p.rewrite())));
        }
        continue;
      }
      differences.add(new Difference(p.relation(), "nothing", words(p.mode(), p.rewrite())));
    }
    return List.copyOf(differences);
  }

  private static String words(LockMode mode, boolean rewrite) {
    return mode.sqlName() + (rewrite ? " + rewrite" : "");
  }
}
