package io.migrationsafety.alembic.internal.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The parser on a whole real code base: the standard library of the machine's Python 3 (every
 * module but the test suites, which hold deliberately broken files, and lib2to3's Python 2
 * fixtures). Every statement must be read; only {@code match} statements may be skipped. Skipped
 * where no Python standard library is installed.
 */
class StandardLibraryParseTest {

  private static Path standardLibrary() {
    for (String candidate : List.of("/usr/lib/python3.13", "/usr/lib/python3.12", "/usr/lib/python3.11",
        "/usr/lib/python3.10", "/usr/lib/python3.9", "/usr/lib/python3.8")) {
      Path p = Path.of(candidate);
      if (Files.isRegularFile(p.resolve("os.py"))) {
        return p;
      }
    }
    return null;
  }

  @Test
  void reads_every_statement_of_the_standard_library() throws IOException {
    Path library = standardLibrary();
    assumeTrue(library != null, "skipped: no Python 3 standard library under /usr/lib");
    List<String> unread = new ArrayList<>();
    int files = 0;
    try (Stream<Path> all = Files.walk(library)) {
      for (Path file : (Iterable<Path>) all.filter(p -> p.toString().endsWith(".py"))
          .filter(p -> !p.toString().contains("/test") && !p.toString().contains("lib2to3")
              && !p.toString().contains("site-packages") && !p.toString().contains("dist-packages"))::iterator) {
        String source;
        try {
          source = Files.readString(file);
        } catch (MalformedInputException e) {
          continue; // a Latin-1 file: not Python 3's default encoding
        }
        files++;
        collect(file, PyParser.parseModule(source, file.toString()).body(), unread);
      }
    }
    assertThat(files).isGreaterThan(300);
    assertThat(unread).isEmpty();
  }

  private static void collect(Path file, List<Stmt> body, List<String> unread) {
    for (Stmt s : body) {
      if (s instanceof Stmt.Other o && o.what().startsWith("a statement not read")) {
        unread.add(file + ":" + o.line() + " " + o.what());
      } else if (s instanceof Stmt.FunctionDef f) {
        collect(file, f.body(), unread);
      } else if (s instanceof Stmt.ClassDef c) {
        collect(file, c.body(), unread);
      } else if (s instanceof Stmt.If i) {
        collect(file, i.body(), unread);
        collect(file, i.orElse(), unread);
      } else if (s instanceof Stmt.For f) {
        collect(file, f.body(), unread);
        collect(file, f.orElse(), unread);
      } else if (s instanceof Stmt.While w) {
        collect(file, w.body(), unread);
      } else if (s instanceof Stmt.With w) {
        collect(file, w.body(), unread);
      } else if (s instanceof Stmt.Try t) {
        collect(file, t.body(), unread);
        t.handlers().forEach(h -> collect(file, h, unread));
        collect(file, t.orElse(), unread);
        collect(file, t.finalBody(), unread);
      }
    }
  }
}
