package io.migrationsafety.benchmarks;

import io.migrationsafety.sql.SqlSplitter;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The input of the throughput benchmarks: a generated migration script of 1,000, 10,000 or 100,000
 * statements ({@link MigrationScriptGenerator}), built once per trial, outside the measurement.
 */
@State(Scope.Benchmark)
public class GeneratedScript {

  /** How many statements the script has. */
  @Param({"1000", "10000", "100000"})
  public int statements;

  /** The script text. */
  public String text;

  /** Generates the script and checks that it splits into exactly {@link #statements} statements. */
  @Setup(Level.Trial)
  public void generate() {
    text = MigrationScriptGenerator.generate(statements, MigrationScriptGenerator.SEED);
    int split = SqlSplitter.split(text, "generated.sql").statements().size();
    if (split != statements) {
      throw new IllegalStateException("the generated script splits into " + split
          + " statements, not " + statements + ": the generator or the splitter is wrong");
    }
  }
}
