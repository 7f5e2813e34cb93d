package io.migrationsafety.prisma;

import io.migrationsafety.operation.CreateTable;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.MigrationSetContext;
import io.migrationsafety.rule.MigrationSetRule;
import io.migrationsafety.rule.ParsedMigration;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Surfaces the {@code Warnings:} block Prisma wrote above a generated migration: each warning
 * becomes a finding on the statement it is about, in Prisma's own words, with the Prisma way to do
 * the change safely. Prisma shows these warnings once, at {@code migrate dev}; a reviewer of the
 * pull request and {@code migrate deploy} never see them. Enum value removals are judged by
 * {@link PrismaEnumSwap}, which sees the whole swap. Like the core rules, it says nothing about a
 * table created earlier in the reviewed migrations: it has no rows yet.
 */
public final class PrismaWarnings implements MigrationSetRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("prisma-warnings",
      "Prisma warned, when it generated the migration, of data loss or a step that fails on existing rows",
      Severity.WARNING);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(MigrationSetContext context) {
    if (!context.set().format().equals(PrismaFormat.NAME)) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    Set<String> created = new HashSet<>();
    for (ParsedMigration migration : context.migrations()) {
      for (PrismaWarning warning : PrismaWarning.in(migration.script().source())) {
        if (warning.kind() == PrismaWarning.Kind.ENUM_VALUES_REMOVED) {
          continue;
        }
        ParsedStatement statement = statementOf(warning, migration);
        // A table created earlier in the reviewed migrations holds no rows yet: Prisma's worry is moot.
        int at = statement == null ? Integer.MAX_VALUE : statement.statement().line();
        if (created.contains(warning.table()) || createdBefore(migration, warning.table(), at)) {
          continue;
        }
        int line = statement == null ? warning.line() : statement.statement().line();
        int column = statement == null ? 1 : statement.statement().column();
        findings.add(new Finding(METADATA.id(), METADATA.defaultSeverity(), migration.script().file(), line, column,
            "Prisma warned: " + warning.text(), PrismaAdvice.why(warning), PrismaAdvice.suggestion(warning, statement),
            List.of()));
      }
      noteCreatedTables(migration, created);
    }
    return findings;
  }

  private static void noteCreatedTables(ParsedMigration migration, Set<String> created) {
    for (ParsedStatement statement : migration.script().statements()) {
      for (Operation op : statement.operations()) {
        if (op instanceof CreateTable table) {
          created.add(table.name().name());
        }
      }
    }
  }

  private static boolean createdBefore(ParsedMigration migration, String table, int line) {
    return migration.script().statements().stream().filter(s -> s.statement().line() < line)
        .flatMap(s -> s.operations().stream())
        .anyMatch(op -> op instanceof CreateTable t && t.name().name().equals(table));
  }

  /** The first statement after the warning that names its table (and column), preferring the kind's keyword. */
  static ParsedStatement statementOf(PrismaWarning warning, ParsedMigration migration) {
    if (warning.table() == null) {
      return null;
    }
    String keyword = switch (warning.kind()) {
      case DROP_COLUMN -> "DROP COLUMN";
      case DROP_TABLE -> "DROP TABLE";
      case REQUIRED_COLUMN_WITHOUT_DEFAULT -> "ADD COLUMN";
      case MADE_REQUIRED -> "SET NOT NULL";
      case UNIQUE_ADDED -> "UNIQUE";
      case TYPE_CHANGED -> "TYPE";
      case PRIMARY_KEY_CHANGED -> "PRIMARY KEY";
      default -> "";
    };
    ParsedStatement namingTable = null;
    for (ParsedStatement s : migration.script().statements()) {
      String text = s.statement().text();
      if (s.statement().line() < warning.line() || !text.contains("\"" + warning.table() + "\"")) {
        continue;
      }
      boolean namesColumns = warning.column() == null || columnsOf(warning).stream().allMatch(c -> text.contains("\"" + c + "\""));
      if (namesColumns && text.toUpperCase(Locale.ROOT).contains(keyword)) {
        return s;
      }
      if (namingTable == null) {
        namingTable = s;
      }
    }
    return namingTable;
  }

  private static List<String> columnsOf(PrismaWarning warning) {
    return List.of(warning.column().split("\\s*,\\s*"));
  }
}
