package io.migrationsafety.rules.index;

import io.migrationsafety.operation.Drop;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import io.migrationsafety.rules.StatementText;
import io.migrationsafety.schema.Index;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code DROP INDEX} without {@code CONCURRENTLY}: it takes ACCESS EXCLUSIVE on the index's table,
 * so queries on the table queue behind it — and behind any long query it waits for (SQL Commands:
 * DROP INDEX).
 */
public final class RequireConcurrentIndexDrop implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("require-concurrent-index-drop",
      "DROP INDEX without CONCURRENTLY locks the table against all reads and writes", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof Drop drop) || drop.objectType() != ObjectType.INDEX || drop.concurrently()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (QualifiedName name : drop.names()) {
      Optional<Index> index = context.before().index(context.resolve(name));
      QualifiedName table = index.map(Index::table).orElse(null);
      if (table != null && !context.isLarge(table)) {
        continue;
      }
      String on = table == null ? "its table" : table.toString();
      String safe = StatementText.insertAfter(context.statement().statement(), t -> t.is("index"), " CONCURRENTLY");
      findings.add(context.finding(this,
          "DROP INDEX " + name + " blocks all reads and writes on " + on + " until it gets its lock",
          "Without CONCURRENTLY, DROP INDEX takes ACCESS EXCLUSIVE on the table: it waits for every running "
              + "query on the table, and every query after it waits for it.",
          safe == null ? null : "-- CONCURRENTLY cannot run inside a transaction, and drops one index at a time\n"
              + safe + ";"));
    }
    return findings;
  }
}
