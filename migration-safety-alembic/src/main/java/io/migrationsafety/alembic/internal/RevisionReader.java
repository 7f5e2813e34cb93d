package io.migrationsafety.alembic.internal;

import io.migrationsafety.alembic.internal.python.Expr;
import io.migrationsafety.alembic.internal.python.PyParser;
import io.migrationsafety.alembic.internal.python.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads one Alembic revision file: its identifiers, its message, and its functions as SQL. */
public final class RevisionReader {

  /** Stands for a branch label whose value is not known statically (an application constant). */
  public static final String UNKNOWN_LABEL = "?";

  private RevisionReader() {}

  /**
   * Reads {@code source}.
   *
   * @param file names the file in errors
   * @param resolver finds the project's modules the file imports
   * @throws io.migrationsafety.alembic.internal.python.PySyntaxException when the file is not
   *     valid Python
   */
  public static RevisionModule read(String source, String file, ModuleResolver resolver) {
    PyParser.Module module = PyParser.parseModule(source, file);
    Map<String, Object> globals = new java.util.HashMap<>();
    Interpreter.moduleLevel(module.body(), globals, resolver);
    List<String> problems = new ArrayList<>();
    Object revisionValue = globals.get("revision");
    String revision = revisionValue instanceof String s ? s : null;
    if (revisionValue != null && revision == null) {
      problems.add("revision is not a string known statically");
    }
    List<String> down = identifiers(globals, "down_revision", problems);
    List<String> labels = identifiers(globals, "branch_labels", problems);
    List<String> depends = identifiers(globals, "depends_on", problems);
    List<Stmt> body = module.body();
    RevisionModule.Function upgrade = null;
    RevisionModule.Function downgrade = null;
    for (int i = 0; i < body.size(); i++) {
      if (body.get(i) instanceof Stmt.FunctionDef f && (f.name().equals("upgrade") || f.name().equals("downgrade"))) {
        int end = i + 1 < body.size() ? body.get(i + 1).line() - 1 : Integer.MAX_VALUE;
        RevisionModule.Function function = new RevisionModule.Function(f, end, globals, module.comments(), resolver,
            file);
        if (f.name().equals("upgrade")) {
          upgrade = function;
        } else {
          downgrade = function;
        }
      }
    }
    return new RevisionModule(revision, down, labels, depends, problems, docstring(body), upgrade, downgrade);
  }

  /** A string, a tuple or list of strings, or None; a label set to something unknown is kept as "?". */
  private static List<String> identifiers(Map<String, Object> globals, String name, List<String> problems) {
    Object v = globals.get(name);
    if (v == null || v == Values.NONE) {
      return List.of();
    }
    if (v instanceof String s) {
      return List.of(s);
    }
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> l) {
      for (Object o : l) {
        if (o instanceof String s) {
          out.add(s);
        } else if (name.equals("branch_labels")) {
          out.add(UNKNOWN_LABEL); // labelled, though the label itself is not known statically
        } else {
          problems.add(name + " holds a value that is not known statically (" + Ddl.unknownText(o) + ")");
        }
      }
      return out;
    }
    if (name.equals("branch_labels")) {
      return List.of(UNKNOWN_LABEL);
    }
    problems.add(name + " is not known statically (" + Ddl.unknownText(v) + ")");
    return out;
  }

  private static String docstring(List<Stmt> body) {
    for (Stmt s : body) {
      if (s instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Str str) {
        String text = str.value().strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
      }
      if (!(s instanceof Stmt.Import || s instanceof Stmt.ImportFrom)) {
        return "";
      }
    }
    return "";
  }
}
