package io.migrationsafety.benchmarks;

import io.migrationsafety.MigrationSafety;
import io.migrationsafety.Review;
import io.migrationsafety.Reviewer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole in-process review — read the directory, detect the format, parse, replay, run every
 * rule, gather verdicts — of a plain-SQL directory of 20, 1,000 or 10,000 generated migration
 * files of 8 statements each. The time per review divided by the file count stays flat when the
 * review is linear in the number of files.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
@State(Scope.Benchmark)
public class ReviewBenchmark {

  @Param({"20", "1000", "10000"})
  public int files;

  private Path directory;
  private Reviewer reviewer;

  @Setup(Level.Trial)
  public void writeMigrations() throws IOException {
    directory = Files.createTempDirectory("review-benchmark");
    for (int i = 1; i <= files; i++) {
      Files.writeString(directory.resolve("V" + i + "__step_" + i + ".sql"),
          MigrationScriptGenerator.generate(8, MigrationScriptGenerator.SEED + i));
    }
    reviewer = MigrationSafety.builder().build();
  }

  @Benchmark
  public Review review() {
    return reviewer.review(directory);
  }

  @TearDown(Level.Trial)
  public void deleteMigrations() throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
