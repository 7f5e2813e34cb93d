package io.migrationsafety.lock;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.Operation;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.replay.SchemaReplayer;
import io.migrationsafety.trace.ObservedStatement;
import io.migrationsafety.trace.TraceSession;
import io.migrationsafety.trace.TraceTarget;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Traces every statement of {@link LockCorpus} on real PostgreSQL with the tracer (each in a
 * transaction of its own on the prepared schema, rolled back) and asserts that {@link LockModel}
 * predicts exactly what the server showed ({@link io.migrationsafety.trace.LockComparison}).
 * Statements that cannot run in a transaction block are in {@link ConcurrentLockAgreementTest}.
 *
 * <p>The versions come from the system property {@code lock.versions}: two by default, every
 * supported one with {@code mvn verify -Plock-matrix}.
 */
class LockModelAgreementTest {

  /** The majors to check, from {@code -Dlock.versions=13,17}. */
  static IntStream versions() {
    return Arrays.stream(System.getProperty("lock.versions", "13,17").split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt);
  }

  @ParameterizedTest(name = "PostgreSQL {0}")
  @MethodSource("versions")
  void model_agrees_with_the_server(int major) throws Exception {
    Schema before = replay(LockCorpus.SETUP);
    List<String> disagreements = new ArrayList<>();
    int checked = 0;
    try (TraceSession session = TraceSession.open(TraceTarget.embedded(major))) {
      prepare(session);
      for (LockCorpus.Case c : LockCorpus.CASES) {
        if (major < c.since()) {
          continue;
        }
        ObservedStatement observed = session.observe(c.sql()).withPrediction(predict(c.sql(), before, major), true);
        if (c.knownGap() != null) {
          if (!observed.failed() && observed.disagreements().isEmpty()) {
            disagreements.add(c.sql() + "\n    now agrees with the server: remove its known-gap mark");
          }
          continue;
        }
        checked++;
        if (observed.failed()) {
          disagreements.add(c.sql() + "\n    fails on the server: " + observed.error());
        } else if (!observed.disagreements().isEmpty()) {
          disagreements.add(c.sql() + "\n    " + observed.disagreements());
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(150);
    assertThat(disagreements).as("statements where the lock model and PostgreSQL %d disagree", major).isEmpty();
  }

  /** The corpus schema, and a second tablespace so that SET TABLESPACE really moves files. */
  static void prepare(TraceSession session) throws Exception {
    session.apply("CREATE TABLESPACE spare LOCATION '"
        + Files.createTempDirectory("lock-model-tablespace").toAbsolutePath() + "'");
    session.apply(LockCorpus.SETUP);
  }

  static Schema replay(String sql) {
    Schema schema = Schema.empty();
    for (ParsedStatement statement : SqlParser.parse(sql, "setup.sql").statements()) {
      for (Operation operation : statement.operations()) {
        schema = SchemaReplayer.apply(schema, operation, "public").after();
      }
    }
    return schema;
  }

  static List<LockEffect> predict(String sql, Schema before, int major) {
    List<LockEffect> all = new ArrayList<>();
    for (ParsedStatement statement : SqlParser.parse(sql, "case.sql").statements()) {
      for (Operation operation : statement.operations()) {
        assertThat(LockModel.known(operation)).as("model knows %s", operation).isTrue();
        all.addAll(LockModel.effects(operation, before, "public", major));
      }
    }
    return LockModel.merge(all);
  }
}
