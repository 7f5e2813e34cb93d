package io.migrationsafety.alembic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Alembic, run as a program: a Python 3 that can import alembic and sqlalchemy (Debian's
 * {@code python3-alembic} is enough). Tests that need it skip, saying why, where there is none.
 */
final class PythonAlembic {

  private static final String INTERPRETER = find();

  private PythonAlembic() {}

  /** Why the oracle cannot run here, or {@code null} when it can. */
  static String unavailable() {
    return INTERPRETER == null
        ? "no Python 3 with alembic and sqlalchemy on this machine (apt-get install python3-alembic)" : null;
  }

  private static String find() {
    for (String candidate : List.of("python3", "/usr/bin/python3")) {
      try {
        Result r = run(candidate, Path.of("."), List.of("-c", "import alembic, sqlalchemy"), java.util.Map.of());
        if (r.exit() == 0) {
          return candidate;
        }
      } catch (IOException e) {
        // not installed: try the next one
      }
    }
    return null;
  }

  /** Runs {@code python3 args…} in {@code directory}. */
  static Result python(Path directory, List<String> args) throws IOException {
    return run(INTERPRETER, directory, args, java.util.Map.of());
  }

  /** Runs {@code python3 args…} in {@code directory} with {@code environment} added. */
  static Result python(Path directory, List<String> args, java.util.Map<String, String> environment)
      throws IOException {
    return run(INTERPRETER, directory, args, environment);
  }

  /** Why Alembic cannot run on a database here (it needs psycopg2), or {@code null} when it can. */
  static String cannotConnect() {
    String why = unavailable();
    if (why != null) {
      return why;
    }
    try {
      return python(Path.of("."), List.of("-c", "import psycopg2")).exit() == 0 ? null
          : "no psycopg2 for " + INTERPRETER + " (apt-get install python3-psycopg2)";
    } catch (IOException e) {
      return e.getMessage();
    }
  }

  record Result(int exit, String out, String err) {}

  private static Result run(String interpreter, Path directory, List<String> args,
      java.util.Map<String, String> environment) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(interpreter);
    command.addAll(args);
    Path err = java.nio.file.Files.createTempFile("python", ".err");
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectError(err.toFile());
    builder.environment().putAll(environment);
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException(interpreter + " did not finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    String errText = java.nio.file.Files.readString(err);
    java.nio.file.Files.delete(err);
    return new Result(p.exitValue(), out, errText);
  }
}
