package io.migrationsafety.alembic.internal;

import io.migrationsafety.alembic.internal.Values.Ref;
import io.migrationsafety.alembic.internal.python.PyParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the modules a revision file imports from its own project, the way Python's import path
 * would when the project is installed or run from its root: {@code from myapp.db import constants}
 * is looked up as {@code myapp/db/constants.py} (or {@code …/constants/__init__.py}) under each
 * directory above the versions directory. Their module level is read like a revision file's (never
 * run), so their constants and functions are known. Libraries outside the project stay unknown.
 *
 * <p>Not thread-safe: one resolver serves one read of a project.
 */
public final class ModuleResolver {

  private static final List<String> OWN = List.of("sqlalchemy", "alembic", "builtins", "bind.", "context.");

  private final List<Path> roots;
  private final Map<String, Map<String, Object>> loaded = new HashMap<>();
  private final Map<String, Path> found = new HashMap<>();

  private ModuleResolver(List<Path> roots) {
    this.roots = List.copyOf(roots);
  }

  /** A resolver that looks in every directory above {@code versions}. */
  public static ModuleResolver above(Path versions) {
    List<Path> roots = new ArrayList<>();
    for (Path p = versions.toAbsolutePath().normalize().getParent(); p != null; p = p.getParent()) {
      roots.add(p);
    }
    return new ModuleResolver(roots);
  }

  /** A resolver that finds nothing: every import stays unknown. */
  public static ModuleResolver none() {
    return new ModuleResolver(List.of());
  }

  /** The value {@code ref} names when it lies in a module of the project; else {@code ref} itself. */
  Object resolve(Ref ref) {
    String path = ref.path();
    for (String own : OWN) {
      if (path.equals(own) || path.startsWith(own.endsWith(".") ? own : own + ".")) {
        return ref;
      }
    }
    if (path.startsWith(".") || roots.isEmpty()) {
      return ref;
    }
    String[] parts = path.split("\\.");
    for (int i = parts.length; i >= 1; i--) {
      String module = String.join(".", java.util.Arrays.copyOfRange(parts, 0, i));
      if (file(module) == null) {
        continue;
      }
      if (i == parts.length) {
        return ref; // the module itself: attributes resolve when they are read
      }
      Map<String, Object> globals = load(module);
      Object value = globals.containsKey(parts[i]) ? globals.get(parts[i]) : null;
      if (value == null) {
        return i + 1 == parts.length && file(module + "." + parts[i]) != null ? ref
            : new Values.Unknown(path + " (not found in " + file(module).getFileName() + ")");
      }
      for (int j = i + 1; j < parts.length; j++) {
        value = value instanceof Ref r ? resolve(r.attribute(parts[j])) : new Values.Unknown(path);
      }
      return value;
    }
    return ref;
  }

  private Path file(String module) {
    if (found.containsKey(module)) {
      return found.get(module);
    }
    Path result = null;
    String relative = module.replace('.', '/');
    for (Path root : roots) {
      Path py = root.resolve(relative + ".py");
      Path pkg = root.resolve(relative).resolve("__init__.py");
      if (Files.isRegularFile(py)) {
        result = py;
        break;
      }
      if (Files.isRegularFile(pkg)) {
        result = pkg;
        break;
      }
    }
    found.put(module, result);
    return result;
  }

  private Map<String, Object> load(String module) {
    Map<String, Object> globals = loaded.get(module);
    if (globals != null) {
      return globals;
    }
    globals = new HashMap<>();
    loaded.put(module, globals); // before reading it: an import cycle sees what is known so far
    try {
      Path file = file(module);
      PyParser.Module parsed = PyParser.parseModule(Files.readString(file), file.toString());
      Interpreter.moduleLevel(parsed.body(), globals, this);
    } catch (java.io.IOException | RuntimeException e) {
      // a module that cannot be read leaves its names unknown; the revision file itself still reads
    }
    return globals;
  }
}
