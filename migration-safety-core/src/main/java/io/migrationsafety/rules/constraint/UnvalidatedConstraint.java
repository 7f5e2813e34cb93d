package io.migrationsafety.rules.constraint;

import io.migrationsafety.operation.AddConstraint;
import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.CreateTable;
import io.migrationsafety.operation.Drop;
import io.migrationsafety.operation.DropConstraint;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.ValidateConstraint;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.MigrationSetContext;
import io.migrationsafety.rule.MigrationSetRule;
import io.migrationsafety.rule.ParsedMigration;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A constraint added {@code NOT VALID} to an existing table that no later statement of the reviewed
 * migrations validates (or drops). Until it is validated, existing rows are not known to satisfy it,
 * the planner cannot rely on it, and {@code SET NOT NULL} cannot use a NOT VALID
 * {@code CHECK (col IS NOT NULL)} to skip its scan (SQL Commands: ALTER TABLE, NOT VALID and
 * VALIDATE CONSTRAINT). The pair is a sequence: the {@code VALIDATE} in a later migration is what
 * makes the earlier {@code NOT VALID} add complete, so the whole set is read before deciding.
 */
public final class UnvalidatedConstraint implements MigrationSetRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("unvalidated-constraint",
      "a constraint added NOT VALID that no later migration validates", Severity.WARNING);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  private record Added(String file, int line, QualifiedName table, String name) {}

  @Override
  public List<Finding> check(MigrationSetContext context) {
    Set<QualifiedName> created = new HashSet<>();
    Map<String, Added> pending = new LinkedHashMap<>();
    for (ParsedMigration migration : context.migrations()) {
      for (ParsedStatement statement : migration.script().statements()) {
        for (Operation op : statement.operations()) {
          if (op instanceof CreateTable create) {
            created.add(resolve(create.name()));
          } else if (op instanceof AddConstraint add && add.constraint().notValid() && add.constraint().name() != null
              && add.constraint().kind() != ConstraintKind.PRIMARY_KEY && !created.contains(resolve(add.table().name()))) {
            QualifiedName table = resolve(add.table().name());
            pending.put(key(table, add.constraint().name()), new Added(migration.script().file(),
                statement.statement().line(), table, add.constraint().name()));
          } else if (op instanceof ValidateConstraint validate) {
            pending.remove(key(resolve(validate.table().name()), validate.name()));
          } else if (op instanceof DropConstraint drop) {
            pending.remove(key(resolve(drop.table().name()), drop.name()));
          } else if (op instanceof Drop drop && drop.objectType() == ObjectType.TABLE) {
            drop.names().forEach(n -> pending.values().removeIf(a -> a.table().equals(resolve(n))));
          }
        }
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (Added added : pending.values()) {
      findings.add(context.finding(this, added.file(), added.line(),
          "Constraint " + added.name() + " is added NOT VALID to " + added.table()
              + ", and no later migration validates it",
          "NOT VALID checks only new and updated rows: the old ones are never checked until VALIDATE CONSTRAINT "
              + "runs, the planner cannot trust the constraint, and SET NOT NULL cannot use a NOT VALID check to "
              + "skip its scan. Validating takes only SHARE UPDATE EXCLUSIVE: reads and writes go on.",
          "-- in the next migration (its own transaction):\nALTER TABLE " + added.table().sql() + " VALIDATE CONSTRAINT "
              + QualifiedName.quote(added.name()) + ";"));
    }
    return findings;
  }

  private static QualifiedName resolve(QualifiedName name) {
    return name.withDefaultSchema("public");
  }

  private static String key(QualifiedName table, String constraint) {
    return table + "/" + constraint.toLowerCase(Locale.ROOT);
  }
}
