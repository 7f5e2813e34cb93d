package io.migrationsafety.suppression;

import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.sql.SqlStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The suppressions of a whole script: what each statement's comments suppress, what the
 * {@code ignore-file} directives before the first statement suppress everywhere, and every
 * malformed suppression, each reported once.
 *
 * <p>Immutable and thread-safe.
 */
public final class ScriptSuppressions {

  private final Map<Integer, List<Suppression>> byStatement;
  private final List<Suppression> fileLevel;
  private final List<Suppression> all;
  private final List<SuppressionProblem> problems;

  private ScriptSuppressions(Map<Integer, List<Suppression>> byStatement, List<Suppression> fileLevel,
      List<Suppression> all, List<SuppressionProblem> problems) {
    this.byStatement = byStatement;
    this.fileLevel = fileLevel;
    this.all = all;
    this.problems = problems;
  }

  /** Reads the suppressions of the statements of one script, in order. */
  public static ScriptSuppressions of(List<SqlStatement> statements) {
    Map<Integer, List<Suppression>> byStatement = new HashMap<>();
    List<Suppression> fileLevel = new ArrayList<>();
    List<Suppression> all = new ArrayList<>();
    List<SuppressionProblem> problems = new ArrayList<>();
    for (SqlStatement statement : statements) {
      Suppressions found = SuppressionParser.parse(statement);
      List<Suppression> own = new ArrayList<>();
      for (Suppression s : found.suppressions()) {
        (s.scope() == Suppression.Scope.FILE ? fileLevel : own).add(s);
        all.add(s);
      }
      if (!own.isEmpty()) {
        byStatement.put(statement.index(), List.copyOf(own));
      }
      problems.addAll(found.problems());
    }
    problems.sort(Comparator.comparing(SuppressionProblem::position));
    return new ScriptSuppressions(Map.copyOf(byStatement), List.copyOf(fileLevel), List.copyOf(all),
        List.copyOf(problems));
  }

  /**
   * The suppression that covers findings of {@code rule} on {@code statement}: one in the
   * statement's own comments first, else a file-level one.
   */
  public Optional<Suppression> find(SqlStatement statement, RuleMetadata rule) {
    for (Suppression s : byStatement.getOrDefault(statement.index(), List.of())) {
      if (s.covers(rule)) {
        return Optional.of(s);
      }
    }
    return fileLevel.stream().filter(s -> s.covers(rule)).findFirst();
  }

  /** The {@code ignore-file} suppressions, which cover every statement. */
  public List<Suppression> fileLevel() {
    return fileLevel;
  }

  /** Every well-formed suppression, in source order: for reporting those that suppressed nothing. */
  public List<Suppression> all() {
    return all;
  }

  /** Every malformed suppression, in source order. */
  public List<SuppressionProblem> problems() {
    return problems;
  }
}
