package io.migrationsafety.database;

import io.migrationsafety.operation.IndexElement;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Index;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares two schema models fact by fact (one string per fact), for the tests that hold replay
 * and introspection to the same model.
 */
public final class ModelFacts {

  private ModelFacts() {}

  /**
   * The facts only one side has, each prefixed {@code replay only:} or {@code server only:}.
   *
   * @param expressionText whether to compare the text of defaults, generation expressions, index
   *     expressions and predicates; without it only their presence is compared
   */
  public static List<String> differences(Schema replayed, Schema introspected, boolean expressionText) {
    TreeSet<String> fromReplay = facts(replayed, expressionText);
    TreeSet<String> fromServer = facts(introspected, expressionText);
    List<String> differences = new ArrayList<>();
    fromReplay.stream().filter(f -> !fromServer.contains(f)).forEach(f -> differences.add("replay only: " + f));
    fromServer.stream().filter(f -> !fromReplay.contains(f)).forEach(f -> differences.add("server only: " + f));
    return differences;
  }

  /** The compared facts of a model, one string each. */
  static TreeSet<String> facts(Schema schema, boolean text) {
    TreeSet<String> facts = new TreeSet<>();
    facts.add("schemas " + schema.schemas());
    facts.add("extensions " + schema.extensions());
    for (Table t : schema.tables().values()) {
      facts.add("table " + t.name() + " " + t.persistence() + " partition of " + t.partitionOf()
          + " by " + t.partitionBy());
      for (Column c : t.columns()) {
        facts.add("column " + t.name() + "." + c.name() + " " + c.type().sql() + (c.notNull() ? " not null" : "")
            + " default " + shown(c.defaultValue(), text) + " identity " + (c.identity() == null ? null : c.identity().always())
            + " generated " + (c.generated() == null ? null : shown(c.generated().expression(), text) + " " + c.generated().stored())
            + " collate " + c.collation());
      }
      for (Constraint k : t.constraints()) {
        facts.add("constraint " + t.name() + "." + k.name() + " " + k.kind() + " " + k.columns()
            + " expr " + shown(k.expression(), text)
            + " refs " + k.referencedTable() + k.referencedColumns() + " " + k.onDelete() + "/" + k.onUpdate()
            + (k.valid() ? "" : " not valid") + (k.deferrable() ? " deferrable" : "")
            + (k.initiallyDeferred() ? " initially deferred" : "") + " index " + k.index());
      }
    }
    for (Index i : schema.indexes().values()) {
      facts.add("index " + i.name() + " on " + i.table() + (i.unique() ? " unique" : "") + " " + i.method() + " "
          + i.elements().stream().map(e -> element(e, text)).collect(Collectors.toList())
          + " include " + i.include() + " where " + shown(i.predicate(), text) + (i.valid() ? "" : " invalid"));
    }
    schema.types().values().forEach(t -> facts.add("type " + t.name() + " " + t.kind() + " " + t.labels()));
    schema.sequences().values().forEach(s -> facts.add("sequence " + s.name() + " owned by " + s.ownedBy()));
    schema.views().values().forEach(v -> facts.add("view " + v.name() + (v.materialized() ? " materialized" : "")));
    return facts;
  }

  private static String element(IndexElement e, boolean text) {
    return (e.isExpression() ? "(" + shown(e.expression(), text) + ")" : e.column())
        + (e.opclass() == null ? "" : " " + e.opclass()) + (e.descending() ? " desc" : "")
        + (e.nullsFirst() == null ? "" : e.nullsFirst() ? " nulls first" : " nulls last");
  }

  /** An expression's text, or only whether there is one. */
  private static String shown(Object expression, boolean text) {
    return text ? String.valueOf(expression) : expression == null ? "none" : "expression";
  }
}
