package io.migrationsafety.benchmarks;

import io.migrationsafety.parse.ParsedScript;
import io.migrationsafety.parse.SqlParser;
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
 * Throughput of the whole SQL front end — lexer, splitter and statement parser — on one thread,
 * over generated migration scripts of 1,000, 10,000 and 100,000 statements.
 *
 * <p>The primary result is scripts per second; the {@code :statements} secondary result is
 * statements per second, the figure to compare across sizes (it stays flat when the front end is
 * linear in the input).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
public class ParserThroughputBenchmark {

  /** Lexes, splits and parses the whole script; returned so that the JIT cannot drop the work. */
  @Benchmark
  public ParsedScript parse(GeneratedScript script, StatementCounter counter) {
    ParsedScript parsed = SqlParser.parse(script.text, "generated.sql");
    counter.statements += parsed.statements().size();
    return parsed;
  }
}
