package io.migrationsafety.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The {@code execution} section of a policy: durations as PostgreSQL writes them, retries, strictness. */
class ExecutionPolicyTest {

  private static ExecutionSettings parse(String yaml) {
    return PolicyLoader.parse(yaml, "p.yml").policy().execution();
  }

  @Test
  void reads_durations_with_units_or_as_milliseconds() {
    ExecutionSettings settings = parse("""
        execution:
          lock_timeout: 750ms
          statement_timeout: 2h
          retries: 5
          backoff: 1_500
        """);

    assertThat(settings).isEqualTo(new ExecutionSettings(Duration.ofMillis(750), Duration.ofHours(2), 5,
        Duration.ofMillis(1500)));
    assertThat(parse("execution:\n  lock_timeout: 3 s\n  statement_timeout: 0\n").statementTimeout()).isZero();
    assertThat(parse("execution:\n  lock_timeout: 1min\n").lockTimeout()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void keys_left_out_keep_their_defaults() {
    assertThat(parse("execution:\n  retries: 0\n")).isEqualTo(
        new ExecutionSettings(Duration.ofSeconds(2), Duration.ofMinutes(30), 0, Duration.ofSeconds(1)));
    assertThat(parse("large_table_rows: 5\n")).isEqualTo(ExecutionSettings.defaults());
  }

  @Test
  void refuses_no_lock_timeout_unknown_units_and_misspelled_keys_at_their_line() {
    assertThatThrownBy(() -> parse("execution:\n  lock_timeout: 0\n")).isInstanceOf(PolicyException.class)
        .hasMessageStartingWith("p.yml:2:17: lock_timeout must be a duration such as 500ms, 2s, 30min or 1h, at least 1ms");
    assertThatThrownBy(() -> parse("execution:\n  backoff: 2 seconds\n"))
        .hasMessageStartingWith("p.yml:2:12: backoff must be a duration").hasMessageContaining("'2 seconds'");
    assertThatThrownBy(() -> parse("execution:\n  retries: -1\n")).hasMessageStartingWith("p.yml:2:12: retries must be");
    assertThatThrownBy(() -> parse("execution:\n  lock-timeout: 2s\n"))
        .hasMessageContaining("unknown key 'lock-timeout' in execution (did you mean 'lock_timeout'?)");
  }

  @Test
  void each_retry_waits_twice_as_long_as_the_one_before() {
    ExecutionSettings settings = parse("execution:\n  backoff: 250ms\n");

    assertThat(settings.backoffBefore(1)).isEqualTo(Duration.ofMillis(250));
    assertThat(settings.backoffBefore(2)).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.backoffBefore(3)).isEqualTo(Duration.ofSeconds(1));
    assertThat(ExecutionSettings.settingValue(Duration.ofSeconds(2))).isEqualTo("'2000ms'");
  }
}
