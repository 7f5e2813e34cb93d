package io.migrationsafety.rules.general;

import io.migrationsafety.operation.Drop;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import io.migrationsafety.rules.StatementText;
import io.migrationsafety.sql.SqlStatement;
import io.migrationsafety.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A statement that does not fit the schema it runs on: it alters a column or table that does not
 * exist, or creates one that already does. PostgreSQL would stop the migration with an error.
 */
public final class SchemaConflict implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("schema-conflict",
      "Statement refers to something missing, or creates something that exists: it would fail", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    List<Finding> findings = new ArrayList<>();
    for (String problem : context.replayProblems()) {
      findings.add(context.finding(this,
          "This statement does not fit the schema: " + problem,
          "Replaying the migrations in order, this statement meets a schema where it cannot apply; PostgreSQL "
              + "would raise an error and the migration would stop (and, outside a transaction, leave the "
              + "statements before it applied).",
          correction(context, problem)));
    }
    return findings;
  }

  /**
   * The statement made to fit: guarded with IF NOT EXISTS / IF EXISTS where PostgreSQL has the
   * guard and the problem is a duplicate or a missing object being dropped; otherwise the
   * statement, with what has to change said first.
   */
  private static String correction(StatementContext context, String problem) {
    SqlStatement statement = context.statement().statement();
    String guarded = null;
    if (problem.contains("already exists")) {
      guarded = guard(statement, "create", " IF NOT EXISTS");
    } else if (context.operation() instanceof Drop) {
      guarded = guard(statement, "drop", " IF EXISTS");
    }
    if (guarded != null) {
      return "-- only if the object may really exist (or not) at this point; otherwise fix the name:\n" + guarded + ";";
    }
    return "-- " + problem + ": fix the name, or create what it needs in an earlier statement\n"
        + statement.text() + ";";
  }

  /**
   * The statement with {@code guard} where PostgreSQL takes it: after CONCURRENTLY, after the
   * object word of CREATE/DROP, or after COLUMN of ALTER TABLE … ADD/DROP COLUMN; {@code null} when
   * it has no such place or is guarded already.
   */
  private static String guard(SqlStatement statement, String verb, String guard) {
    List<Token> tokens = statement.tokens();
    if (tokens.isEmpty() || tokens.stream().anyMatch(t -> t.is("if"))) {
      return null;
    }
    Token first = tokens.get(0);
    if (first.is(verb)) {
      boolean concurrently = tokens.stream().anyMatch(t -> t.is("concurrently"));
      return StatementText.insertAfter(statement, concurrently ? t -> t.is("concurrently") : OBJECT_WORD, guard);
    }
    if (first.is("alter") && tokens.stream().anyMatch(t -> t.is("column"))) {
      return StatementText.insertAfter(statement, t -> t.is("column"), guard);
    }
    return null;
  }

  private static final Predicate<Token> OBJECT_WORD = t -> t.is("table") || t.is("index")
      || t.is("view") || t.is("sequence") || t.is("type") || t.is("schema") || t.is("extension") || t.is("function");
}
