package io.migrationsafety.rules.table;

import io.migrationsafety.operation.CreateSchema;
import io.migrationsafety.operation.Drop;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code DROP SCHEMA} or {@code DROP DATABASE} in a migration. {@code DROP SCHEMA … CASCADE} drops
 * every table, view, function and type in the schema, and the objects elsewhere that depend on
 * them (SQL Commands: DROP SCHEMA; Data Definition, Dependency Tracking); {@code DROP DATABASE}
 * removes a whole database and cannot run inside a transaction (SQL Commands: DROP DATABASE).
 * Neither can be undone by a rollback migration. A schema created earlier in the same migration
 * (a scratch schema) may be dropped.
 */
public final class BanDropSchemaOrDatabase implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("ban-drop-schema-or-database",
      "DROP SCHEMA or DROP DATABASE in a migration destroys every object in it", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof Drop drop)
        || (drop.objectType() != ObjectType.SCHEMA && drop.objectType() != ObjectType.DATABASE)) {
      return List.of();
    }
    boolean database = drop.objectType() == ObjectType.DATABASE;
    List<Finding> findings = new ArrayList<>();
    for (QualifiedName name : drop.names()) {
      if (!database && createdEarlierInMigration(context, name.name())) {
        continue;
      }
      String message = database
          ? "DROP DATABASE " + name.name() + " deletes the whole database from a migration"
          : "DROP SCHEMA " + name.name() + (drop.cascade()
              ? " CASCADE deletes every object in it, and every object elsewhere that depends on them"
              : " deletes the schema; it fails unless empty, and a later CASCADE would delete everything in it");
      findings.add(context.finding(this, message,
          "The data cannot be brought back by a rollback, and every application version still using "
              + name.name() + " breaks at once. A migration is the wrong place for a decision this large.",
          database
              ? "-- drop databases by hand, after a backup, never from a migration"
              : "-- drop the objects one by one, each in its own reviewed migration, after checking that nothing "
                  + "uses them;\n-- then drop the empty schema without CASCADE:\nDROP SCHEMA "
                  + QualifiedName.quote(name.name()) + ";"));
    }
    return findings;
  }

  /** Whether a statement before this one in the same migration created the schema. */
  private static boolean createdEarlierInMigration(StatementContext context, String schema) {
    for (ParsedStatement s : context.migration().script().statements()) {
      if (s == context.statement()) {
        return false;
      }
      for (Operation op : s.operations()) {
        if (op instanceof CreateSchema create && create.name() != null && create.name().equalsIgnoreCase(schema)) {
          return true;
        }
      }
    }
    return false;
  }
}
