package io.migrationsafety.prisma;

import io.migrationsafety.format.DownScriptFile;
import io.migrationsafety.format.DownScriptWriter;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationFormatException;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.format.RollbackScript;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.TransactionAction;
import io.migrationsafety.operation.TransactionControl;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.sql.SqlSplitter;
import io.migrationsafety.sql.SqlStatement;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a rollback as {@code down.sql} beside the migration's {@code migration.sql}, the way Prisma's
 * own guide lays down migrations out: a script for {@code prisma db execute --file}, followed by
 * {@code prisma migrate resolve --rolled-back <migration>}. Prisma never runs the file itself.
 *
 * <p>The text reads like a migration Prisma wrote: a {@code Warnings} block for what the rollback
 * cannot give back (the data of a dropped column…), then each statement under Prisma's step name
 * ({@code -- DropTable}). {@code db execute} sends the file as one script, which PostgreSQL runs in
 * one implicit transaction; a rollback that must run outside one ({@code DROP INDEX CONCURRENTLY})
 * can therefore only be written when it is a single statement.
 */
public final class PrismaDownScriptWriter implements DownScriptWriter {

  /** The rollback's file name, in the migration's directory. */
  public static final String FILE_NAME = "down.sql";

  /** The indent of the notes {@link RollbackScript#sql()} writes under each step's comment. */
  private static final String NOTE = "--   ";

  @Override
  public DownScriptFile write(MigrationSet set, Migration migration, RollbackScript script) {
    Path directory = migration.file().toAbsolutePath().getParent();
    Path down = migration.file().resolveSibling(FILE_NAME);
    if (script.outsideTransaction() && script.statements().size() > 1) {
      throw new MigrationFormatException(down + ": the rollback has a statement that must run outside a transaction "
          + "(CONCURRENTLY), but prisma db execute runs a script of several statements in one; run its statements "
          + "one by one instead");
    }
    String name = directory.getFileName().toString();
    StringBuilder sb = new StringBuilder();
    sb.append("-- Rollback of the migration ").append(name).append(", written by migration-safety.\n")
        .append("-- Undo a deploy of it with:\n")
        .append("--   npx prisma db execute --file ").append(display(down)).append('\n')
        .append("--   npx prisma migrate resolve --rolled-back ").append(name).append('\n')
        .append("-- then revert the schema.prisma change that generated it.\n");
    List<String> notes = script.sql().lines().filter(l -> l.startsWith(NOTE))
        .map(l -> l.substring(NOTE.length()).strip()).toList();
    if (!notes.isEmpty()) {
      sb.append("/*\n  Warnings:\n\n");
      notes.forEach(n -> sb.append("  - ").append(n).append('\n'));
      sb.append("\n*/\n");
    }
    List<String> statements = script.statements();
    for (int i = 0; i < statements.size(); i++) {
      int end = i + 1;
      if (operation(statements.get(i), down) instanceof TransactionControl tc && tc.action() == TransactionAction.BEGIN) {
        // Like Prisma's enum swap: an explicit BEGIN … COMMIT block is one step under one comment.
        while (end < statements.size() && !(operation(statements.get(end), down) instanceof TransactionControl)) {
          end++;
        }
        end = Math.min(end + 1, statements.size());
      }
      List<String> group = statements.subList(i, end);
      sb.append("\n-- ").append(step(group, down)).append('\n');
      group.forEach(statement -> sb.append(statement.strip()).append(";\n"));
      i = end - 1;
    }
    return new DownScriptFile(down, sb.toString(), hasStatements(migration));
  }

  /** The step of a group: an enum change if any statement changes an enum, else its first statement's step. */
  private static String step(List<String> group, Path file) {
    String first = null;
    for (String statement : group) {
      Operation op = operation(statement, file);
      if (op == null || op instanceof TransactionControl) {
        continue;
      }
      String step = PrismaSteps.of(op);
      if (step.endsWith("Enum")) {
        return group.size() > 1 ? "AlterEnum" : step;
      }
      first = first == null ? step : first;
    }
    return first == null ? "Custom" : first;
  }

  /** The first operation {@code statement} parses to, or null. */
  private static Operation operation(String statement, Path file) {
    for (ParsedStatement parsed : SqlParser.parse(statement, file.toString()).statements()) {
      if (!parsed.operations().isEmpty()) {
        return parsed.operations().get(0);
      }
    }
    return null;
  }

  /** A down.sql counts as a rollback once it holds a statement; an empty file is only a placeholder. */
  private static boolean hasStatements(Migration migration) {
    return migration.hasDownScript() && SqlSplitter.split(migration.downScript(), migration.downFile().toString())
        .statements().stream().anyMatch(s -> s.kind() == SqlStatement.Kind.SQL);
  }

  private static String display(Path file) {
    return file.toString().replace('\\', '/');
  }
}
