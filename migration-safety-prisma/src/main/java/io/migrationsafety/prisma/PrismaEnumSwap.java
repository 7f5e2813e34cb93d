package io.migrationsafety.prisma;

import io.migrationsafety.operation.AlterColumnType;
import io.migrationsafety.operation.CreateType;
import io.migrationsafety.operation.Drop;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Rename;
import io.migrationsafety.operation.TypeKind;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.LockNote;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import io.migrationsafety.schema.UserType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prisma removes enum values by swapping the type: {@code CREATE TYPE "E_new"}, every column cast
 * to it ({@code ALTER COLUMN … TYPE "E_new" USING (…::text::"E_new")}), {@code "E"} renamed to
 * {@code "E_old"}, {@code "E_new"} to {@code "E"}, and {@code "E_old"} dropped. The statements read
 * one by one look like unrelated type changes; this rule sees the whole swap at its
 * {@code CREATE TYPE} and judges it as the one change it is: which values go, which tables are
 * rewritten under {@code ACCESS EXCLUSIVE}, and that the cast fails if a row still holds a removed
 * value.
 */
public final class PrismaEnumSwap implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("prisma-enum-swap",
      "Prisma's enum swap removes values by rewriting every table that uses the enum", Severity.BLOCKED);

  private static final String NEW_SUFFIX = "_new";

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof CreateType create) || create.typeKind() != TypeKind.ENUM
        || !create.name().name().endsWith(NEW_SUFFIX)) {
      return List.of();
    }
    QualifiedName replacement = context.resolve(create.name());
    String oldName = replacement.name().substring(0, replacement.name().length() - NEW_SUFFIX.length());
    QualifiedName original = QualifiedName.of(replacement.schema(), oldName);
    UserType before = context.before().types().get(original);
    Map<QualifiedName, List<String>> columns = new LinkedHashMap<>();
    if (before == null || !isSwap(context, replacement, original, columns)) {
      return List.of();
    }
    List<String> removed = before.labels().stream().filter(l -> !create.enumValues().contains(l)).toList();
    List<QualifiedName> existing = columns.keySet().stream().filter(t -> !context.isNewTable(t)).toList();
    if (existing.isEmpty()) {
      return List.of();
    }
    boolean large = existing.stream().anyMatch(context::isLarge);
    String tables = existing.stream().map(t -> t + " (" + String.join(", ", columns.get(t)) + ")")
        .collect(Collectors.joining(", "));
    List<LockNote> locks = existing.stream().map(t -> new LockNote(t.toString(), "ACCESS EXCLUSIVE", true)).toList();
    Finding finding = new Finding(METADATA.id(), METADATA.defaultSeverity(), context.migration().script().file(),
        context.statement().statement().line(), context.statement().statement().column(),
        "Prisma's enum swap " + (removed.isEmpty() ? "recreates " + original : "removes " + removed + " from " + original)
            + " and rewrites " + tables + " under ACCESS EXCLUSIVE",
        "PostgreSQL cannot drop an enum value, so Prisma builds " + replacement.name() + ", casts every column to it "
            + "through text (a full rewrite of each table, during which nothing reads or writes it), then renames and "
            + "drops the old type. The cast fails, after all that work, if a row still holds a removed value."
            + prismaWarning(context, oldName),
        suggestion(existing, columns, removed, oldName), locks);
    return List.of(large ? finding : finding.withSeverity(Severity.WARNING));
  }

  /** Prisma's own warning about this enum, from the migration's Warnings block, as a sentence to append. */
  private static String prismaWarning(StatementContext context, String enumName) {
    return PrismaWarning.in(context.migration().script().source()).stream()
        .filter(w -> w.kind() == PrismaWarning.Kind.ENUM_VALUES_REMOVED && w.text().contains("`" + enumName + "`"))
        .map(w -> " Prisma warned: " + w.text()).findFirst().orElse("");
  }

  /** Whether the statements after the CREATE TYPE complete the swap; collects the columns cast. */
  private static boolean isSwap(StatementContext context, QualifiedName replacement, QualifiedName original,
      Map<QualifiedName, List<String>> columns) {
    boolean renamedAside = false;
    boolean renamedIn = false;
    boolean after = false;
    for (ParsedStatement s : context.migration().script().statements()) {
      if (s == context.statement()) {
        after = true;
        continue;
      }
      if (!after) {
        continue;
      }
      for (Operation op : s.operations()) {
        if (op instanceof AlterColumnType alter && sameType(context, alter.type().name(), replacement)) {
          columns.computeIfAbsent(context.resolve(alter.table().name()), t -> new ArrayList<>()).add(alter.column());
        } else if (op instanceof Rename rename && rename.objectType() == ObjectType.TYPE) {
          QualifiedName from = context.resolve(rename.name());
          renamedAside |= from.equals(original) && rename.newName().equals(original.name() + "_old");
          renamedIn |= from.equals(replacement) && rename.newName().equals(original.name());
        } else if (op instanceof Drop drop && drop.objectType() == ObjectType.TYPE && renamedAside && renamedIn) {
          return true;
        }
      }
    }
    return false;
  }

  /** A type name as written in a column type ({@code "Role_new"}, {@code public."Role_new"}) naming {@code type}. */
  private static boolean sameType(StatementContext context, String written, QualifiedName type) {
    int dot = written.lastIndexOf('.');
    String name = written.substring(dot + 1).replace("\"", "");
    String schema = dot < 0 ? type.schema() : written.substring(0, dot).replace("\"", "");
    return name.equals(type.name()) && schema.equals(type.schema());
  }

  private static String suggestion(List<QualifiedName> tables, Map<QualifiedName, List<String>> columns,
      List<String> removed, String enumName) {
    StringBuilder sb = new StringBuilder();
    sb.append("-- 1. In a migration of its own (prisma migrate dev --create-only), move rows off the removed values,\n")
        .append("--    in batches if the table is big, and deploy code that no longer writes them:\n");
    for (QualifiedName table : tables) {
      for (String column : columns.get(table)) {
        for (String value : removed) {
          sb.append("UPDATE ").append(table.sql()).append(" SET ").append(QualifiedName.quote(column))
              .append(" = '<replacement>' WHERE ").append(QualifiedName.quote(column)).append(" = '")
              .append(value.replace("'", "''")).append("';\n");
        }
      }
    }
    sb.append("-- 2. Then apply Prisma's swap in a quiet window, with SET LOCAL lock_timeout = '5s'; after its BEGIN.\n")
        .append("-- Or keep the values in enum ").append(enumName)
        .append(" and stop using them: no table is rewritten at all.");
    return sb.toString();
  }
}
