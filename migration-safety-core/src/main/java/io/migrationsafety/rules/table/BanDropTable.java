package io.migrationsafety.rules.table;

import io.migrationsafety.operation.Drop;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code DROP TABLE} of a table that existed before these migrations: its data is gone, and code
 * still using it fails. (A table created earlier in the same migrations is nobody's yet.)
 */
public final class BanDropTable implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("ban-drop-table",
      "Dropping a table loses its data and breaks the code that still uses it", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof Drop drop) || drop.objectType() != ObjectType.TABLE) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (QualifiedName name : drop.names()) {
      QualifiedName table = context.resolve(name);
      if (context.isNewTable(table)) {
        continue;
      }
      findings.add(context.finding(this,
          "Dropping table " + table + " deletes its data and breaks code that still uses it"
              + (drop.cascade() ? "; CASCADE also drops the views and foreign keys that depend on it" : ""),
          "Old application versions keep querying the table during a deploy, and the data cannot be brought "
              + "back by a rollback. DROP TABLE also waits for ACCESS EXCLUSIVE behind every running query.",
          "-- stop using " + table + " in the application and deploy that; keep the data (rename it, or\n"
              + "-- archive it) until you are sure; then drop it, with the reason:\n"
              + "-- migration-safety:ignore ban-drop-table nothing reads " + name.name() + " since <release>\n"
              + context.statement().statement().text() + ";"));
    }
    return findings;
  }
}
