package io.migrationsafety.prisma;

import io.migrationsafety.operation.AddColumn;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.parse.ParsedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to do instead, the Prisma way, for each kind of {@link PrismaWarning}: which
 * {@code schema.prisma} change to split into which migrations, and which generated statement to
 * customise ({@code prisma migrate dev --create-only}) and how.
 */
final class PrismaAdvice {

  private static final Pattern INDEX_KEYWORD = Pattern.compile("(?i)\\bINDEX\\b");

  private PrismaAdvice() {}

  /** Why the warning matters, beyond Prisma's sentence. */
  static String why(PrismaWarning warning) {
    String base = switch (warning.kind()) {
      case DROP_COLUMN -> "The column's data is gone for good, and application instances still running the previous "
          + "release fail as soon as they read or write it.";
      case DROP_TABLE -> "The table's rows are gone for good (no down.sql can bring them back), and running code "
          + "that still queries it fails.";
      case REQUIRED_COLUMN_WITHOUT_DEFAULT -> "Every existing row would get NULL in the new NOT NULL column, so "
          + "the statement fails on any table with rows: the migration passes on an empty development database and "
          + "fails in production, leaving a failed row in _prisma_migrations.";
      case MADE_REQUIRED -> "SET NOT NULL reads the whole table under ACCESS EXCLUSIVE (no reads or writes), and "
          + "fails if a row still holds NULL.";
      case UNIQUE_ADDED -> "Prisma builds the unique index with a plain CREATE UNIQUE INDEX, which blocks every write "
          + "to the table for the whole build, and fails at the end if two rows share a value.";
      case ENUM_VALUES_REMOVED -> "Prisma recreates the enum and casts every column that uses it: each of those "
          + "tables is rewritten under ACCESS EXCLUSIVE, and the cast fails if a row still holds a removed value.";
      case TYPE_CHANGED -> "The cast rewrites the table under ACCESS EXCLUSIVE, and fails on any value that does "
          + "not convert.";
      case PRIMARY_KEY_CHANGED -> "Dropping and adding the primary key builds a new unique index while the table is "
          + "locked against reads and writes, and breaks foreign keys that point at the old key.";
      case OTHER -> "Prisma's destructive-change check flagged this step.";
    };
    return base + " Prisma shows this warning only to whoever ran migrate dev; migrate deploy applies the file "
        + "without a word.";
  }

  /** The safe way, for the statement the warning concerns (or null when none was found). */
  static String suggestion(PrismaWarning warning, ParsedStatement statement) {
    String t = warning.table() == null ? "T" : QualifiedName.quote(warning.table());
    String c = warning.column() == null ? "c" : QualifiedName.quote(warning.column());
    return switch (warning.kind()) {
      case REQUIRED_COLUMN_WITHOUT_DEFAULT -> requiredColumn(warning, statement, t, c);
      case UNIQUE_ADDED -> uniqueIndex(statement, t, warning.column());
      case MADE_REQUIRED -> "-- Backfill the NULLs first; then prove NOT NULL without a long lock, in a migration\n"
          + "-- customised with `prisma migrate dev --create-only` (PostgreSQL 12+):\n"
          + "ALTER TABLE " + t + " ADD CONSTRAINT " + notNullCheck(warning) + " CHECK (" + c + " IS NOT NULL) NOT VALID;\n"
          + "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + notNullCheck(warning) + ";\n"
          + "ALTER TABLE " + t + " ALTER COLUMN " + c + " SET NOT NULL;\n"
          + "ALTER TABLE " + t + " DROP CONSTRAINT " + notNullCheck(warning) + ";";
      case DROP_COLUMN -> "-- Drop in two releases: first deploy code that no longer uses " + c + " (mark the field\n"
          + "-- @ignore in schema.prisma so Prisma Client stops selecting it); remove the field and let Prisma\n"
          + "-- generate this DROP COLUMN only in the next release, after a backup of the column.";
      case DROP_TABLE -> "-- Remove the model only after a release in which no code queries " + t + ", and keep a\n"
          + "-- backup (pg_dump --table) of it: the rows cannot be rolled back.";
      case ENUM_VALUES_REMOVED -> "-- Move rows off the removed values first (an UPDATE in a migration of its own),\n"
          + "-- deploy code that no longer writes them, then let Prisma remove them; or keep the values unused.";
      case TYPE_CHANGED -> "-- Change the type the expand/contract way: add a new field with the new type, backfill it,\n"
          + "-- switch the code to it, and drop the old field in a later migration (@map keeps the column name).";
      case PRIMARY_KEY_CHANGED -> "-- Customise the migration: build the new key's index first, in a migration of its own,\n"
          + "CREATE UNIQUE INDEX CONCURRENTLY " + QualifiedName.quote(warning.table() + "_pkey_new") + " ON " + t + " (…);\n"
          + "-- then swap the key using it:\n"
          + "ALTER TABLE " + t + " DROP CONSTRAINT " + QualifiedName.quote(warning.table() + "_pkey") + ", ADD CONSTRAINT "
          + QualifiedName.quote(warning.table() + "_pkey") + " PRIMARY KEY USING INDEX "
          + QualifiedName.quote(warning.table() + "_pkey_new") + ";";
      case OTHER -> null;
    };
  }

  private static String requiredColumn(PrismaWarning warning, ParsedStatement statement, String t, String c) {
    String type = "<type>";
    if (statement != null) {
      for (Operation op : statement.operations()) {
        if (op instanceof AddColumn add && add.column().name().equals(warning.column())) {
          type = add.column().type().text();
        }
      }
    }
    return "-- With Prisma, in two migrations (or give the field a @default(...) that fits the existing rows):\n"
        + "-- 1. make the field optional in schema.prisma and run `prisma migrate dev --name add_" + warning.column() + "`:\n"
        + "ALTER TABLE " + t + " ADD COLUMN " + c + " " + type + ";\n"
        + "-- 2. backfill it for existing rows, in batches;\n"
        + "-- 3. make the field required and run `prisma migrate dev --create-only --name require_" + warning.column()
        + "`,\n"
        + "--    then customise its migration.sql so NOT NULL is proven without a long lock:\n"
        + "ALTER TABLE " + t + " ADD CONSTRAINT " + notNullCheck(warning) + " CHECK (" + c + " IS NOT NULL) NOT VALID;\n"
        + "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + notNullCheck(warning) + ";\n"
        + "ALTER TABLE " + t + " ALTER COLUMN " + c + " SET NOT NULL;\n"
        + "ALTER TABLE " + t + " DROP CONSTRAINT " + notNullCheck(warning) + ";";
  }

  private static String uniqueIndex(ParsedStatement statement, String t, String columns) {
    String concurrent;
    if (statement != null && INDEX_KEYWORD.matcher(statement.statement().text()).find()) {
      Matcher m = INDEX_KEYWORD.matcher(statement.statement().text());
      m.find();
      concurrent = statement.statement().text().substring(0, m.end()) + " CONCURRENTLY"
          + statement.statement().text().substring(m.end()).stripTrailing();
    } else {
      concurrent = "CREATE UNIQUE INDEX CONCURRENTLY … ON " + t + " (" + columns + ")";
    }
    return "-- @unique on a big table: run `prisma migrate dev --create-only`, move the index into a migration of\n"
        + "-- its own and build it concurrently (Prisma sends a one-statement migration.sql outside a transaction\n"
        + "-- block); keep Prisma's index name so schema and database agree. Look for duplicates first.\n"
        + concurrent + ";\n"
        + "-- A failed build leaves an INVALID index: DROP INDEX CONCURRENTLY it, fix the duplicates, deploy again.";
  }

  private static String notNullCheck(PrismaWarning warning) {
    String name = warning.table() + "_" + warning.column() + "_not_null";
    return QualifiedName.quote(name.length() <= 63 ? name : name.substring(0, 63));
  }
}
