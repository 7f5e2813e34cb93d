package io.migrationsafety.rules.data;

import io.migrationsafety.format.Migration;
import io.migrationsafety.operation.Call;
import io.migrationsafety.operation.DataChange;
import io.migrationsafety.operation.DoBlock;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Unrecognized;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.probe.DataProbe;
import io.migrationsafety.rule.StatementContext;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a statement before this one, in the reviewed migrations, may change the rows a probe
 * read: a data change on one of its tables, or code the review cannot follow ({@code DO},
 * {@code CALL}, a statement not understood). The probe saw the data before such a statement: a
 * backfill just above a {@code SET NOT NULL} is the usual way to make it pass.
 */
final class EarlierDataChanges {

  private EarlierDataChanges() {}

  /** The first such statement, in words ({@code the statement at V3__backfill.sql:2}). */
  static Optional<String> find(StatementContext context, DataProbe probe) {
    Set<QualifiedName> tables = new HashSet<>();
    tables.add(probe.table());
    probe.reads().forEach(r -> tables.add(r.table()));
    String currentId = context.migration().migration().id();
    for (Migration m : context.set().pending()) {
      boolean current = m.id().equals(currentId);
      List<ParsedStatement> statements = current ? context.migration().script().statements()
          : SqlParser.parse(m.upScript(), m.file().getFileName().toString()).statements();
      for (ParsedStatement s : statements) {
        if (current && s.statement().line() >= context.statement().statement().line()) {
          return Optional.empty();
        }
        for (Operation op : s.operations()) {
          if (changes(op, tables, context)) {
            return Optional.of("the statement at " + (current ? context.migration().script().file()
                : m.file().getFileName()) + ":" + s.statement().line());
          }
        }
      }
      if (current) {
        break;
      }
    }
    return Optional.empty();
  }

  private static boolean changes(Operation op, Set<QualifiedName> tables, StatementContext context) {
    if (op instanceof DataChange change) {
      return tables.contains(context.resolve(change.table()));
    }
    return op instanceof DoBlock || op instanceof Call || op instanceof Unrecognized;
  }
}
