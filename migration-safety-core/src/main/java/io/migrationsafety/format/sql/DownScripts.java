package io.migrationsafety.format.sql;

import io.migrationsafety.format.Migration;
import io.migrationsafety.format.RollbackScript;
import io.migrationsafety.sql.SqlSplitter;
import io.migrationsafety.sql.SqlStatement;

/** What the SQL formats' rollback writers share: the header, and what counts as a rollback already there. */
final class DownScripts {

  private DownScripts() {}

  /**
   * Whether {@code text} holds a statement. Tools generate empty rollback files (diesel's
   * {@code -- This file should undo anything in `up.sql`}, dbmate's empty {@code -- migrate:down}
   * section): those are no rollback, and writing over them needs no {@code --force}.
   */
  static boolean isRollback(String text, String file) {
    return text != null && SqlSplitter.split(text, file).statements().stream()
        .anyMatch(s -> s.kind() == SqlStatement.Kind.SQL);
  }

  /** The rollback's text under a comment that says where it comes from. */
  static String body(Migration migration, RollbackScript script, String note) {
    StringBuilder sb = new StringBuilder("-- Rollback of ").append(migration.file().getFileName())
        .append(", written by migration-safety from the forward script.\n");
    if (note != null) {
      sb.append("-- ").append(note).append('\n');
    }
    return sb.append(script.sql()).toString();
  }
}
