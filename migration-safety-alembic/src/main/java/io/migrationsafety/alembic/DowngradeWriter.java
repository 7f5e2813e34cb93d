package io.migrationsafety.alembic;

import io.migrationsafety.alembic.internal.python.PyParser;
import io.migrationsafety.alembic.internal.python.Stmt;
import io.migrationsafety.format.DownScriptFile;
import io.migrationsafety.format.DownScriptWriter;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.format.RollbackScript;
import io.migrationsafety.sql.ScriptReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a synthesized rollback as the revision file's {@code downgrade()}, in Alembic's own
 * style: one {@code op.execute(...)} per statement, inside
 * {@code op.get_context().autocommit_block()} when a statement cannot run in a transaction. An
 * existing {@code downgrade()} is replaced (the caller decides whether it may be); a missing one
 * is added at the end of the file.
 */
public final class DowngradeWriter implements DownScriptWriter {

  @Override
  public DownScriptFile write(MigrationSet set, Migration migration, RollbackScript script) {
    String source = ScriptReader.read(migration.file());
    List<String> lines = new ArrayList<>(List.of(source.split("\r?\n", -1)));
    PyParser.Module module = PyParser.parseModule(source, migration.file().toString());
    List<String> body = body(script);
    List<Stmt> top = module.body();
    for (Stmt statement : top) {
      if (statement instanceof Stmt.FunctionDef f && f.name().equals("downgrade")) {
        int start = f.line() - 1;
        int end = start + 1;
        // the body: the indented lines (and blank lines among them) up to the next top-level line
        while (end < lines.size() && (lines.get(end).isBlank() || Character.isWhitespace(lines.get(end).charAt(0)))) {
          end++;
        }
        while (end > start + 1 && lines.get(end - 1).isBlank()) {
          end--;
        }
        List<String> rewritten = new ArrayList<>(lines.subList(0, start));
        rewritten.addAll(body);
        rewritten.addAll(lines.subList(end, lines.size()));
        return new DownScriptFile(migration.file(), String.join("\n", rewritten), migration.hasDownScript());
      }
    }
    StringBuilder text = new StringBuilder(source.stripTrailing()).append("\n\n\n");
    text.append(String.join("\n", body)).append('\n');
    return new DownScriptFile(migration.file(), text.toString(), false);
  }

  private static List<String> body(RollbackScript script) {
    List<String> out = new ArrayList<>();
    out.add("def downgrade():");
    out.add("    # Written by migration-safety: the inverse of upgrade(), last statement first.");
    String indent = "    ";
    if (script.outsideTransaction()) {
      out.add("    with op.get_context().autocommit_block():");
      indent = "        ";
    }
    if (script.statements().isEmpty()) {
      out.add(indent + "pass");
    }
    for (String statement : script.statements()) {
      out.add(indent + "op.execute(" + pythonString(statement) + ")");
    }
    return out;
  }

  /** A Python literal for SQL text: raw triple-quoted when it can be, escaped otherwise. */
  static String pythonString(String sql) {
    if (!sql.contains("\"\"\"") && !sql.endsWith("\"") && !sql.endsWith("\\")) {
      return sql.contains("\n") || sql.contains("\"") || sql.contains("\\") ? "r\"\"\"" + sql + "\"\"\"" : "\"" + sql + "\"";
    }
    StringBuilder b = new StringBuilder("\"");
    for (char c : sql.toCharArray()) {
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
