package io.migrationsafety.rules.constraint;

import io.migrationsafety.operation.AddColumn;
import io.migrationsafety.operation.AddConstraint;
import io.migrationsafety.operation.ConstraintDefinition;
import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.CreateTable;
import io.migrationsafety.operation.DataType;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A foreign key column whose type differs from the column it references ({@code integer} pointing
 * at a {@code bigint} key, {@code varchar} at {@code text} …). PostgreSQL accepts it when the types
 * compare (DDL, Constraints, Foreign Keys), but every check and join casts, and a narrower column
 * fails on insert once the referenced key outgrows it — and widening it later rewrites the table.
 */
public final class ForeignKeyTypeMismatch implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("foreign-key-type-mismatch",
      "a foreign key column whose type differs from the column it references", Severity.WARNING);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    QualifiedName table;
    List<ConstraintDefinition> keys = new ArrayList<>();
    if (context.operation() instanceof CreateTable create) {
      table = context.resolve(create.name());
      keys.addAll(create.constraints());
    } else if (context.operation() instanceof AddConstraint add) {
      table = context.resolve(add.table().name());
      keys.add(add.constraint());
    } else if (context.operation() instanceof AddColumn add) {
      table = context.resolve(add.table().name());
      add.column().constraints().stream().filter(c -> c.kind() == ConstraintKind.FOREIGN_KEY)
          .forEach(c -> keys.add(new ConstraintDefinition(c.name(), c.kind(), List.of(add.column().name()),
              c.expression(), c.references(), c.notValid(), c.usingIndex(), c.deferrable(), c.initiallyDeferred(),
              c.include(), c.noInherit(), c.nullsNotDistinct())));
    } else {
      return List.of();
    }
    Optional<Table> own = context.after().table(table);
    List<Finding> findings = new ArrayList<>();
    for (ConstraintDefinition key : keys) {
      if (key.kind() != ConstraintKind.FOREIGN_KEY || own.isEmpty()) {
        continue;
      }
      QualifiedName referenced = context.resolve(key.references().table());
      Optional<Table> target = context.after().table(referenced);
      List<String> targetColumns = key.references().columns().isEmpty()
          ? target.flatMap(Table::primaryKey).map(Constraint::columns).orElse(List.of()) : key.references().columns();
      if (target.isEmpty() || targetColumns.size() != key.columns().size()) {
        continue;
      }
      for (int i = 0; i < key.columns().size(); i++) {
        Optional<DataType> mine = own.get().column(key.columns().get(i)).map(Column::type);
        Optional<DataType> theirs = target.get().column(targetColumns.get(i)).map(Column::type);
        if (mine.isPresent() && theirs.isPresent() && !same(mine.get(), theirs.get())) {
          String column = key.columns().get(i);
          findings.add(context.finding(this,
              "Foreign key column " + column + " of " + table + " is " + mine.get().sql() + ", but "
                  + referenced + "." + targetColumns.get(i) + " is " + theirs.get().sql(),
              "Every foreign key check and every join along the key converts between the two types, and a "
                  + "narrower column fails on insert once the referenced key outgrows it; changing its type later "
                  + "rewrites the table under ACCESS EXCLUSIVE.",
              "-- declare " + QualifiedName.quote(column) + " as " + theirs.get().sql() + ", the type of "
                  + referenced + "." + targetColumns.get(i) + ", where the column is created"));
        }
      }
    }
    return findings;
  }

  /** Serial types are their integer type; otherwise name, modifiers and array dimensions. */
  private static boolean same(DataType a, DataType b) {
    return base(a).equals(base(b)) && a.arrayDimensions() == b.arrayDimensions();
  }

  private static String base(DataType type) {
    return switch (type.name()) {
      case "serial" -> "integer";
      case "bigserial" -> "bigint";
      case "smallserial" -> "smallint";
      default -> type.name() + type.modifiers();
    };
  }

}
