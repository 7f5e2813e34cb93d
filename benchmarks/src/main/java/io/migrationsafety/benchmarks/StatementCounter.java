package io.migrationsafety.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counts the statements a benchmark really processed. JMH reports the public field as a secondary
 * result, {@code :statements}, divided by the measured time: statements per second, whatever the
 * script size of the run. Counting what the splitter returned, rather than multiplying by the
 * requested size, keeps the figure honest if the generator and the splitter ever disagree.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class StatementCounter {

  /** Statements processed in the current iteration. */
  public long statements;

  /** JMH reads the field after each iteration; start every iteration from zero. */
  @Setup(Level.Iteration)
  public void reset() {
    statements = 0;
  }
}
