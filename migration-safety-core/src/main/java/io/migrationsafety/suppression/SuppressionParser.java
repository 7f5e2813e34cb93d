package io.migrationsafety.suppression;

import io.migrationsafety.sql.SourcePosition;
import io.migrationsafety.sql.SqlStatement;
import io.migrationsafety.sql.Token;
import io.migrationsafety.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the suppression comments of a statement.
 *
 * <p>A comment is a directive when its text, after the comment marker ({@code --} or
 * {@code /*}) and any blanks, dashes or stars, starts with {@code migration-safety:}; one
 * directive per comment. Two directives exist:
 * <pre>
 * -- migration-safety:ignore &lt;rule-id&gt;[,&lt;rule-id&gt;…] &lt;reason&gt;
 * -- migration-safety:ignore-file &lt;rule-id&gt;[,&lt;rule-id&gt;…] &lt;reason&gt;
 * </pre>
 * Everything after the rule ids is the reason, which is required. The plain-sql format's
 * {@code -- migration-safety:no-transaction} is accepted before a file's first statement (where
 * the format reads it) and is no suppression. Anything else that starts with
 * {@code migration-safety:} is a {@link SuppressionProblem}, so that a typo in a suppression shows
 * up as a finding instead of silently suppressing nothing.
 *
 * <p>Stateless and thread-safe.
 */
public final class SuppressionParser {

  /** The statement form, as messages show it. */
  public static final String IGNORE_FORM = "-- migration-safety:ignore <rule-id>[,<rule-id>...] <reason>";
  /** The file form, as messages show it. */
  /** The plain-sql format's directive that a file runs outside a transaction (not a suppression). */
  static final String NO_TRANSACTION = "no-transaction";

  public static final String IGNORE_FILE_FORM = "-- migration-safety:ignore-file <rule-id>[,<rule-id>...] <reason>";

  /** The word of {@link io.migrationsafety.parse.SqlParser#UNRESOLVED_MARKER}. */
  private static final String UNRESOLVED = "unresolved";
  private static final Pattern MARKER = Pattern.compile("migration-safety\\s*:", Pattern.CASE_INSENSITIVE);
  /** The shape of a rule id, as {@link io.migrationsafety.rule.RuleMetadata} requires it. */
  private static final Pattern RULE_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  private SuppressionParser() {}

  /**
   * The suppressions in the comments of {@code statement}: before it, inside it, and on the line
   * of its semicolon. {@code ignore-file} directives count only before the script's first
   * statement ({@link SqlStatement#index()} 0); anywhere else they are problems.
   */
  public static Suppressions parse(SqlStatement statement) {
    List<Suppression> found = new ArrayList<>();
    List<SuppressionProblem> problems = new ArrayList<>();
    for (Token comment : statement.comments()) {
      boolean beforeFirstStatement =
          statement.index() == 0 && comment.offset() < statement.span().start().offset();
      read(comment, beforeFirstStatement, found, problems);
    }
    return found.isEmpty() && problems.isEmpty() ? Suppressions.none() : new Suppressions(found, problems);
  }

  private static void read(Token comment, boolean beforeFirstStatement, List<Suppression> found,
      List<SuppressionProblem> problems) {
    String text = comment.text();
    int end = comment.type() == TokenType.BLOCK_COMMENT ? text.length() - 2 : text.length();
    int start = 2;
    while (start < end && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == '-'
        || text.charAt(start) == '*')) {
      start++;
    }
    Matcher marker = MARKER.matcher(text).region(start, end);
    if (!marker.lookingAt()) {
      return;
    }
    SourcePosition at = comment.start().advance(text.substring(0, start));
    int wordEnd = marker.end();
    while (wordEnd < end && (Character.isLetter(text.charAt(wordEnd)) || text.charAt(wordEnd) == '-')) {
      wordEnd++;
    }
    String word = text.substring(marker.end(), wordEnd).toLowerCase(Locale.ROOT);
    boolean separated = wordEnd == end || Character.isWhitespace(text.charAt(wordEnd));
    boolean exactMarker = text.substring(start, marker.end()).equalsIgnoreCase("migration-safety:");
    if (exactMarker && separated && word.equals(NO_TRANSACTION)) {
      // Not a suppression: the plain-sql format's opt-out of the transaction, read only up front.
      if (!beforeFirstStatement) {
        problems.add(new SuppressionProblem(at, "migration-safety:no-transaction only counts before the first "
            + "statement of a file; here it changes nothing"));
      }
      return;
    }
    if (exactMarker && separated && word.equals(UNRESOLVED)) {
      return; // not a suppression: a format's placeholder for code it could not translate, reported as such
    }
    if (!exactMarker || !separated || !(word.equals("ignore") || word.equals("ignore-file"))) {
      String written = text.substring(start, wordEnd).strip();
      problems.add(new SuppressionProblem(at, "'" + written + "' is not a migration-safety directive; the form is "
          + IGNORE_FORM));
      return;
    }
    boolean fileScope = word.equals("ignore-file");
    if (fileScope && !beforeFirstStatement) {
      problems.add(new SuppressionProblem(at, "migration-safety:ignore-file covers a whole file and must come"
          + " before its first statement; to suppress a finding on this statement, write " + IGNORE_FORM));
      return;
    }
    Directive directive = Directive.read(text.substring(wordEnd, end));
    String form = fileScope ? IGNORE_FILE_FORM : IGNORE_FORM;
    String problem = directive.problem(RULE_ID);
    if (problem != null) {
      problems.add(new SuppressionProblem(at, problem + "; the form is " + form));
    } else {
      found.add(new Suppression(fileScope ? Suppression.Scope.FILE : Suppression.Scope.STATEMENT,
          directive.ruleIds(), directive.reason(), at));
    }
  }

  /** The rule ids and reason after the directive word, as written, not yet checked. */
  private record Directive(List<String> ruleIds, String reason) {

    /**
     * The rule ids are the first word, split at commas (no blanks inside, so that where the ids
     * end and the reason starts is never a guess); the reason is the rest.
     */
    static Directive read(String rest) {
      String trimmed = rest.strip();
      if (trimmed.isEmpty()) {
        return new Directive(List.of(), "");
      }
      int idsEnd = 0;
      while (idsEnd < trimmed.length() && !Character.isWhitespace(trimmed.charAt(idsEnd))) {
        idsEnd++;
      }
      List<String> ids = List.of(trimmed.substring(0, idsEnd).split(",", -1));
      return new Directive(ids, trimmed.substring(idsEnd).strip().replaceAll("\\s+", " "));
    }

    /** What is wrong with it, or {@code null}. */
    String problem(Pattern ruleId) {
      if (ruleIds.isEmpty()) {
        return "a suppression needs a rule id and a reason";
      }
      for (String id : ruleIds) {
        if (id.isEmpty()) {
          return "a rule id is missing in '" + String.join(",", ruleIds) + "' (separate ids with commas only, no blanks)";
        }
        if (!ruleId.matcher(id).matches()) {
          return "'" + id + "' is not a rule id: rule ids are kebab-case, like require-concurrent-index";
        }
      }
      if (reason.codePoints().noneMatch(Character::isLetterOrDigit)) {
        return "suppressing " + String.join(",", ruleIds) + " needs a reason: say why it is safe here";
      }
      return null;
    }
  }
}
