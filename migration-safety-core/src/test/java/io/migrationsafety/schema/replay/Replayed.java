package io.migrationsafety.schema.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Unrecognized;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Index;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test helper: parses a script, replays each statement in turn, and keeps the final schema and
 * the problems of each statement. Reads like the SQL it checks:
 * {@code Replayed.sql("CREATE TABLE t (id int); ALTER TABLE t DROP COLUMN x;")}.
 */
final class Replayed {

  /** One statement and what replaying it ran into. */
  record Step(String sql, List<String> problems) {}

  private final Schema schema;
  private final List<Step> steps;

  private Replayed(Schema schema, List<Step> steps) {
    this.schema = schema;
    this.steps = List.copyOf(steps);
  }

  /** Replays {@code sql} on an empty database. */
  static Replayed sql(String sql) {
    return on(Schema.empty(), sql);
  }

  /** Replays {@code sql} on {@code start}, resolving unqualified names to {@code public}. */
  static Replayed on(Schema start, String sql) {
    return on(start, sql, Map.of());
  }

  /**
   * Replays {@code sql} on an empty database; a statement the parser does not read yet is replaced
   * by the operation {@code unparsed} gives for its text (without the semicolon). Once the parser
   * reads it, its own operations are used and the replacement is not needed.
   */
  static Replayed sql(String sql, Map<String, Operation> unparsed) {
    return on(Schema.empty(), sql, unparsed);
  }

  private static Replayed on(Schema start, String sql, Map<String, Operation> unparsed) {
    Schema schema = start;
    List<Step> steps = new ArrayList<>();
    for (ParsedStatement statement : SqlParser.parse(sql, "test.sql").statements()) {
      List<String> problems = new ArrayList<>();
      String text = statement.statement().text().strip().replaceAll(";$", "").strip();
      List<Operation> operations = statement.isUnrecognized() && unparsed.containsKey(text)
          ? List.of(unparsed.get(text)) : statement.operations();
      for (Operation op : operations) {
        assertThat(op).as("the parser reads: %s", statement.statement().text()).isNotInstanceOf(Unrecognized.class);
        ReplayStep step = SchemaReplayer.apply(schema, op, "public");
        problems.addAll(step.problems());
        schema = step.after();
      }
      steps.add(new Step(statement.statement().text(), problems));
    }
    return new Replayed(schema, steps);
  }

  /** Replays operations built by hand, for statements the parser does not read yet. */
  static Replayed operations(Schema start, Operation... operations) {
    Schema schema = start;
    List<Step> steps = new ArrayList<>();
    for (Operation op : operations) {
      ReplayStep step = SchemaReplayer.apply(schema, op, "public");
      steps.add(new Step(op.toString(), step.problems()));
      schema = step.after();
    }
    return new Replayed(schema, steps);
  }

  /** Continues with more SQL on the schema reached so far. */
  Replayed then(String sql) {
    return on(schema, sql);
  }

  /** Continues with hand-built operations on the schema reached so far. */
  Replayed then(Operation... operations) {
    return operations(schema, operations);
  }

  Schema schema() {
    return schema;
  }

  List<Step> steps() {
    return steps;
  }

  /** Every problem, in statement order. */
  List<String> problems() {
    List<String> all = new ArrayList<>();
    steps.forEach(s -> all.addAll(s.problems()));
    return all;
  }

  /** The problems of the last statement. */
  List<String> lastProblems() {
    return steps.get(steps.size() - 1).problems();
  }

  /** The table {@code name} ({@code public} when not qualified); fails when it is not there. */
  Table table(String name) {
    QualifiedName q = name(name);
    assertThat(schema.tables()).as("tables").containsKey(q);
    return schema.tables().get(q);
  }

  Constraint constraint(String table, String name) {
    return table(table).constraint(name).orElseThrow(() -> new AssertionError(
        "no constraint " + name + " on " + table + ": " + table(table).constraints()));
  }

  Index index(String name) {
    QualifiedName q = name(name);
    assertThat(schema.indexes()).as("indexes").containsKey(q);
    return schema.indexes().get(q);
  }

  /** The names of the indexes, unqualified. */
  List<String> indexNames() {
    return schema.indexes().keySet().stream().map(QualifiedName::name).toList();
  }

  /** The names of the constraints of {@code table}, in order. */
  List<String> constraintNames(String table) {
    return table(table).constraints().stream().map(Constraint::name).toList();
  }

  List<String> columnNames(String table) {
    return Tables.columnNames(table(table));
  }

  static QualifiedName name(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? QualifiedName.of("public", name) : QualifiedName.of(name.substring(0, dot), name.substring(dot + 1));
  }
}
