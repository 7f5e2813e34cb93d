package io.migrationsafety.rules.data;

import io.migrationsafety.operation.DataChange;
import io.migrationsafety.operation.DmlKind;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Query;
import io.migrationsafety.operation.WhereShape;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import io.migrationsafety.rules.Backfill;
import io.migrationsafety.rules.StatementText;
import io.migrationsafety.sql.SqlStatement;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code UPDATE} or {@code DELETE} of every row of a large existing table in one statement, or
 * {@code INSERT … SELECT} that copies a whole large table: it locks every row it writes until the
 * migration commits, holds the transaction open for as long as it takes, and leaves as many dead
 * rows (or new rows to replicate) behind.
 */
public final class UnboundedDataChange implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("unbounded-data-change",
      "UPDATE or DELETE of every row, or INSERT … SELECT of a whole table, in one statement", Severity.BLOCKED);

  /** Words that end the FROM list of a SELECT at its own level: a WHERE, a LIMIT, or what follows them. */
  private static final Set<String> LIMITING = Set.of("where", "limit", "fetch");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof DataChange change)) {
      return List.of();
    }
    if (change.dmlKind() == DmlKind.INSERT) {
      return change.fromQuery() ? insertSelect(context, change) : List.of();
    }
    if (change.dmlKind() != DmlKind.UPDATE && change.dmlKind() != DmlKind.DELETE) {
      return List.of();
    }
    boolean everyRow = change.where() == null || change.where().shape() == WhereShape.ALWAYS_TRUE;
    QualifiedName table = context.resolve(change.table());
    if (!everyRow || !context.isLarge(table)) {
      return List.of();
    }
    String verb = change.dmlKind() == DmlKind.UPDATE ? "UPDATE" : "DELETE";
    return List.of(context.finding(this,
        verb + " without a limiting WHERE changes every row of " + table + " in one transaction",
        "Every changed row stays locked until the migration commits, so the application's writes to those rows "
            + "wait; the long transaction holds back vacuum, leaves a dead copy of every row, and floods "
            + "replication.",
        Backfill.batched(change, context)));
  }

  /** INSERT … SELECT whose query reads a whole large existing table: no WHERE, no LIMIT at its level. */
  private List<Finding> insertSelect(StatementContext context, DataChange change) {
    SqlStatement statement = context.statement().statement();
    String query = StatementText.between(statement, t -> t.is("select"), t -> t.is("on") || t.is("returning"));
    if (query == null || limited(statement)) {
      return List.of();
    }
    Optional<QualifiedName> source = largeSource(context, query);
    if (source.isEmpty()) {
      return List.of();
    }
    QualifiedName table = source.get();
    String into = context.resolve(change.table()).toString();
    String text = statement.text();
    Optional<String> key = Backfill.integerKey(context.tableBefore(table));
    String safe = key.isPresent() && singleSource(query)
        ? Backfill.keyRanges(table.sql(), QualifiedName.quote(key.get()), null, insertWhere(statement, text))
        : "-- copy " + table + " in batches of " + Backfill.BATCH + " rows by its key, each batch its own "
            + "transaction, for example:\n" + text.strip() + " ORDER BY 1 LIMIT " + Backfill.BATCH + ";";
    return List.of(context.finding(this,
        "INSERT … SELECT copies every row of " + table + " into " + into + " in one transaction",
        "The copy runs as one statement: the transaction stays open for as long as it takes, holding back vacuum, "
            + "the new rows reach replicas as one burst of WAL, and every lock the migration took on " + into
            + " is held until it ends.",
        safe));
  }

  /** Whether the SELECT of an INSERT has a WHERE, LIMIT or FETCH at its own level (not in a subquery). */
  private static boolean limited(SqlStatement statement) {
    return StatementText.between(statement, t -> LIMITING.contains(t.text().toLowerCase(java.util.Locale.ROOT))
        && t.isName(), t -> false) != null;
  }

  /** The first table the query reads that is large, as the parser reads the query. */
  private static Optional<QualifiedName> largeSource(StatementContext context, String query) {
    for (ParsedStatement parsed : SqlParser.parse(query, "query.sql").statements()) {
      for (Operation op : parsed.operations()) {
        if (op instanceof Query q) {
          for (QualifiedName t : q.tables()) {
            if (context.isLarge(t) && !context.isNewTable(t)) {
              return Optional.of(context.resolve(t));
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean singleSource(String query) {
    return SqlParser.parse(query, "query.sql").statements().stream().flatMap(s -> s.operations().stream())
        .filter(Query.class::isInstance).map(Query.class::cast).allMatch(q -> q.tables().size() == 1);
  }

  /** The INSERT with a WHERE for the batch range added to its SELECT, before ON CONFLICT or RETURNING. */
  private static String insertWhere(SqlStatement statement, String text) {
    String tail = StatementText.between(statement, t -> t.is("on") || t.is("returning"), t -> false);
    String head = tail == null ? text.strip() : text.substring(0, text.lastIndexOf(tail)).strip();
    return head + " WHERE " + Backfill.RANGE + (tail == null ? "" : " " + tail);
  }

}
