package io.migrationsafety.alembic.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.alembic.internal.python.PySyntaxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Broken and odd revision files never crash the reader: each file of the oracle project, cut,
 * with characters dropped or lines repeated at random (a fixed seed, so failures reproduce), is
 * either read or refused with a {@link PySyntaxException} naming its line. Anything else would end
 * a review with an internal error instead of a clear message.
 */
class MutatedSourceTest {

  @Test
  void a_mutated_revision_is_read_or_refused_with_a_syntax_error() throws IOException {
    Random random = new Random(20241124);
    List<String> crashes = new ArrayList<>();
    int read = 0;
    int refused = 0;
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/alembic/oracle/versions"))) {
      for (Path file : files.sorted().toList()) {
        String source = Files.readString(file);
        for (int i = 0; i < 150; i++) {
          String mutated = mutate(source, random);
          try {
            RevisionReader.read(mutated, file.toString(), ModuleResolver.none());
            read++;
          } catch (PySyntaxException e) {
            assertThat(e.line()).isPositive();
            refused++;
          } catch (RuntimeException | StackOverflowError e) {
            crashes.add(file.getFileName() + " #" + i + ": " + e + "\n" + mutated);
          }
        }
      }
    }
    assertThat(crashes).isEmpty();
    assertThat(read).isPositive();
    assertThat(refused).isPositive();
  }

  private static String mutate(String s, Random random) {
    switch (random.nextInt(4)) {
      case 0:
        return s.substring(0, random.nextInt(s.length()));
      case 1: {
        StringBuilder b = new StringBuilder(s);
        for (int n = 1 + random.nextInt(3); n > 0 && b.length() > 1; n--) {
          b.deleteCharAt(random.nextInt(b.length()));
        }
        return b.toString();
      }
      case 2: {
        List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
        int at = random.nextInt(lines.size());
        lines.add(random.nextInt(lines.size()), lines.get(at));
        return String.join("\n", lines);
      }
      default: {
        String noise = "([{)]}'\"\\:#=,.*@\t\n f\"{";
        StringBuilder b = new StringBuilder(s);
        b.insert(random.nextInt(b.length()), noise.charAt(random.nextInt(noise.length())));
        return b.toString();
      }
    }
  }
}
