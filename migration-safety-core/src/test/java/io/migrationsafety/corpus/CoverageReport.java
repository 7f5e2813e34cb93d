package io.migrationsafety.corpus;

import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.Unrecognized;
import io.migrationsafety.parse.ParsedScript;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.sql.SqlStatement;
import io.migrationsafety.sql.Token;
import io.migrationsafety.sql.TokenType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the parser made of the corpora: per corpus and in total, how many statements became typed
 * operations, and the unrecognized ones grouped by reason and by statement head, most frequent
 * first, each with an example location — the to-do list of the parser authors.
 *
 * <p>A statement counts once whatever number of operations it gives. A statement is typed when
 * none of its operations is {@link Unrecognized}. The data lines of a {@code COPY … FROM stdin}
 * are part of their COPY, not statements of their own; psql meta-commands are statements (the
 * review cannot read them either).
 */
final class CoverageReport {

  /** Words between CREATE/ALTER/DROP and the object kind, as the dispatcher skips them. */
  private static final Set<String> MODIFIERS = Set.of(
      "or", "replace", "temp", "temporary", "unlogged", "global", "local", "unique",
      "materialized", "recursive", "constraint", "trusted", "procedural");

  private final Map<Corpus, Tally> tallies = new EnumMap<>(Corpus.class);
  private final Map<String, Group> byReason = new HashMap<>();
  private final Map<String, Group> byHead = new HashMap<>();

  /**
   * Counts of one corpus.
   *
   * @param scripts scripts parsed
   * @param statements statements in them
   * @param typed statements that became typed operations
   * @param unrecognized statements that did not
   */
  record Tally(int scripts, int statements, int typed, int unrecognized) {

    Tally plus(Tally o) {
      return new Tally(scripts + o.scripts, statements + o.statements, typed + o.typed,
          unrecognized + o.unrecognized);
    }

    /** The share of statements that became typed operations, in percent (100 when there are none). */
    double coverage() {
      return statements == 0 ? 100.0 : 100.0 * typed / statements;
    }
  }

  /** Unrecognized statements that share a key: how many, which corpora, and where the first is. */
  private static final class Group {
    final String key;
    int count;
    final Set<String> corpora = new TreeSet<>();
    String example;

    Group(String key) {
      this.key = key;
    }
  }

  /** Adds one parsed script of {@code corpus}. */
  void add(Corpus corpus, ParsedScript script) {
    int statements = 0;
    int typed = 0;
    int unrecognized = 0;
    for (ParsedStatement s : script.statements()) {
      if (s.statement().kind() == SqlStatement.Kind.COPY_DATA) {
        continue;
      }
      statements++;
      if (!s.isUnrecognized()) {
        typed++;
        continue;
      }
      unrecognized++;
      String where = script.file() + ":" + s.statement().line();
      for (Operation o : s.operations()) {
        if (o instanceof Unrecognized u) {
          count(byReason, normalize(u.reason()), corpus, where);
        }
      }
      count(byHead, head(s.statement()), corpus, where);
    }
    tallies.merge(corpus, new Tally(1, statements, typed, unrecognized), Tally::plus);
  }

  /** The counts of {@code corpus}; zeros when none of its scripts was added. */
  Tally tally(Corpus corpus) {
    return tallies.getOrDefault(corpus, new Tally(0, 0, 0, 0));
  }

  /** The counts over all corpora. */
  Tally total() {
    return tallies.values().stream().reduce(new Tally(0, 0, 0, 0), Tally::plus);
  }

  /** The report: the table, then at most {@code top} groups by reason and by head (all when negative). */
  String render(int top) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-16s %8s %11s %8s %13s %9s%n",
        "corpus", "scripts", "statements", "typed", "unrecognized", "coverage"));
    for (Corpus corpus : Corpus.values()) {
      row(sb, corpus.label(), tally(corpus));
    }
    row(sb, "TOTAL", total());
    section(sb, "Unrecognized statements by reason", byReason, top);
    section(sb, "Unrecognized statements by head", byHead, top);
    return sb.toString();
  }

  private static void row(StringBuilder sb, String label, Tally t) {
    sb.append(String.format(Locale.ROOT, "%-16s %8d %11d %8d %13d %8.1f%%%n",
        label, t.scripts(), t.statements(), t.typed(), t.unrecognized(), t.coverage()));
  }

  private static void section(StringBuilder sb, String title, Map<String, Group> groups, int top) {
    List<Group> sorted = new ArrayList<>(groups.values());
    sorted.sort(Comparator.comparingInt((Group g) -> -g.count).thenComparing(g -> g.key));
    int shown = top < 0 ? sorted.size() : Math.min(top, sorted.size());
    sb.append(String.format(Locale.ROOT, "%n%s (%d groups%s):%n", title, sorted.size(),
        shown < sorted.size() ? ", top " + shown : ""));
    for (Group g : sorted.subList(0, shown)) {
      sb.append(String.format(Locale.ROOT, "%7d  %s%n         in %s; e.g. %s%n",
          g.count, g.key, String.join(", ", g.corpora), g.example));
    }
  }

  private static void count(Map<String, Group> groups, String key, Corpus corpus, String where) {
    Group g = groups.computeIfAbsent(key, Group::new);
    g.count++;
    g.corpora.add(corpus.label());
    if (g.example == null) {
      g.example = where;
    }
  }

  /**
   * Groups reasons that differ only in numbers (positions, lengths, sizes) or in the text quoted
   * from the statement, so that one missing grammar rule is one line of the report.
   */
  static String normalize(String reason) {
    return reason
        .replaceAll("'[^']*'", "'…'")
        .replaceAll("\"[^\"]*\"", "\"…\"")
        .replaceAll("\\d+", "N");
  }

  /**
   * The head of a statement: its verb, the object kind of CREATE/ALTER/DROP, and for ALTER TABLE
   * the subcommand after the table name — the unit parser families are written in.
   */
  static String head(SqlStatement statement) {
    if (statement.kind() == SqlStatement.Kind.PSQL_META_COMMAND) {
      return "psql " + statement.text().split("\\s+", 2)[0];
    }
    List<Token> tokens = statement.tokens();
    if (tokens.isEmpty() || tokens.get(0).type() != TokenType.IDENTIFIER) {
      return "(starts with " + (tokens.isEmpty() ? "nothing" : tokens.get(0).text()) + ")";
    }
    String verb = word(tokens.get(0));
    if (!verb.equals("CREATE") && !verb.equals("ALTER") && !verb.equals("DROP")) {
      return verb;
    }
    int i = 1;
    while (i < tokens.size() && tokens.get(i).type() == TokenType.IDENTIFIER
        && MODIFIERS.contains(tokens.get(i).text().toLowerCase(Locale.ROOT))) {
      i++;
    }
    if (i >= tokens.size()) {
      return verb;
    }
    String object = word(tokens.get(i));
    if (verb.equals("ALTER") && object.equals("TABLE")) {
      return "ALTER TABLE … " + alterTableAction(tokens, i + 1);
    }
    return verb + " " + object;
  }

  private static String alterTableAction(List<Token> tokens, int i) {
    // Skip IF EXISTS, ONLY and the (possibly qualified) table name.
    while (i < tokens.size() && (tokens.get(i).is("if") || tokens.get(i).is("exists")
        || tokens.get(i).is("only"))) {
      i++;
    }
    i++;
    while (i + 1 < tokens.size() && tokens.get(i).type() == TokenType.DOT) {
      i += 2;
    }
    if (i < tokens.size() && tokens.get(i).isSymbol("*")) {
      i++;
    }
    if (i >= tokens.size()) {
      return "(nothing)";
    }
    String action = word(tokens.get(i));
    if (i + 1 < tokens.size() && Set.of("ADD", "DROP", "ALTER", "VALIDATE", "RENAME").contains(action)) {
      String next = word(tokens.get(i + 1));
      if (Set.of("COLUMN", "CONSTRAINT", "PRIMARY", "FOREIGN", "UNIQUE", "CHECK", "TO").contains(next)) {
        return action + " " + next;
      }
    }
    return action;
  }

  private static String word(Token t) {
    return t.type() == TokenType.IDENTIFIER ? t.text().toUpperCase(Locale.ROOT) : t.text();
  }
}
