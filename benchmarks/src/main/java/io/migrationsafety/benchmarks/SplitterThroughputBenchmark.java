package io.migrationsafety.benchmarks;

import io.migrationsafety.sql.SqlScript;
import io.migrationsafety.sql.SqlSplitter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the lexer and splitter alone, on the same scripts as
 * {@link ParserThroughputBenchmark}: the difference between the two is the cost of the statement
 * parser.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
public class SplitterThroughputBenchmark {

  /** Lexes and splits the whole script; returned so that the JIT cannot drop the work. */
  @Benchmark
  public SqlScript split(GeneratedScript script, StatementCounter counter) {
    SqlScript split = SqlSplitter.split(script.text, "generated.sql");
    counter.statements += split.statements().size();
    return split;
  }
}
