package io.migrationsafety.trace;

import io.migrationsafety.lock.LockEffect;
import io.migrationsafety.operation.QualifiedName;
import java.util.List;
import java.util.Objects;

/**
 * A statement the tracer ran, and what PostgreSQL showed.
 *
 * @param line its line
 * @param sql its SQL
 * @param locks the relation locks it took on relations that existed before it (strongest mode per
 *     relation); in a transaction, modes its transaction already held before it are not new and
 *     not listed (see {@code held})
 * @param held the locks its transaction held before it (earlier statements of the migration)
 * @param rewrites the relations that got new data files ({@code pg_class.relfilenode} changed)
 * @param created the relations it created
 * @param durationMs how long it ran, in milliseconds
 * @param sampled whether it ran outside a transaction (it cannot run in one) and its locks were
 *     sampled from a second connection while it waited for a concurrent writer
 * @param predicted what {@link io.migrationsafety.lock.LockModel} predicted for it, or empty when
 *     the model cannot tell ({@code predictionKnown} is false)
 * @param predictionKnown whether the model claims to know this statement's locks
 * @param error the server's error when the statement failed, else null; PostgreSQL releases a failed
 *     statement's locks at the error, so they are not known
 */
public record ObservedStatement(
    int line,
    String sql,
    List<ObservedLock> locks,
    List<ObservedLock> held,
    List<QualifiedName> rewrites,
    List<QualifiedName> created,
    long durationMs,
    boolean sampled,
    List<LockEffect> predicted,
    boolean predictionKnown,
    String error) implements StatementTrace {

  public ObservedStatement {
    Objects.requireNonNull(sql, "sql");
    locks = List.copyOf(locks);
    held = List.copyOf(held);
    rewrites = List.copyOf(rewrites);
    created = List.copyOf(created);
    predicted = List.copyOf(predicted);
  }

  /** This observation with the model's prediction next to it. */
  public ObservedStatement withPrediction(List<LockEffect> effects, boolean known) {
    return new ObservedStatement(line, sql, locks, held, rewrites, created, durationMs, sampled, effects, known, error);
  }

  /** This observation at another place (the session observes SQL without knowing its file). */
  ObservedStatement at(int newLine) {
    return new ObservedStatement(newLine, sql, locks, held, rewrites, created, durationMs, sampled, predicted,
        predictionKnown, error);
  }

  /** Whether the statement failed on the server. */
  public boolean failed() {
    return error != null;
  }

  /** Where the model and the server disagree on this statement; empty when they agree or the model cannot tell. */
  public List<LockComparison.Difference> disagreements() {
    return predictionKnown && !failed() ? LockComparison.compare(predicted, this) : List.of();
  }
}
