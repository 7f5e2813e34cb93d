package io.migrationsafety.review;

import io.migrationsafety.MigrationReview;
import io.migrationsafety.MigrationSafetyException;
import io.migrationsafety.Review;
import io.migrationsafety.Verdict;
import io.migrationsafety.estimate.CostModel;
import io.migrationsafety.estimate.MigrationEstimate;
import io.migrationsafety.estimate.MigrationEstimator;
import io.migrationsafety.estimate.Rates;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.lock.LockEffect;
import io.migrationsafety.lock.LockModel;
import io.migrationsafety.operation.CreateTable;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Rename;
import io.migrationsafety.parse.ParsedScript;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.policy.Policy;
import io.migrationsafety.policy.RuleSetting;
import io.migrationsafety.probe.DataProber;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.MigrationSetContext;
import io.migrationsafety.rule.MigrationSetRule;
import io.migrationsafety.rule.ParsedMigration;
import io.migrationsafety.rule.Rule;
import io.migrationsafety.rule.RuleRegistry;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.replay.ReplayStep;
import io.migrationsafety.schema.replay.SchemaReplayer;
import io.migrationsafety.suppression.ScriptSuppressions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reviews a migration set: every migration is parsed, every operation replayed on the schema and
 * checked by every enabled statement rule with the schema before and after it; then the set rules
 * run. The policy decides which rules run and at what severity. Immutable and thread-safe.
 */
public final class ReviewEngine {

  private final RuleRegistry rules;
  private final Policy policy;
  private final Schema initialSchema;
  private final boolean schemaKnown;
  private final DataProber prober;
  private final List<StatementRule> statementRules = new ArrayList<>();
  private final List<MigrationSetRule> setRules = new ArrayList<>();
  private final CostModel costModel;

  /**
   * An engine with these rules, policy and starting schema.
   *
   * @param schemaKnown whether {@code initialSchema} is the real database (introspected or a
   *     snapshot) rather than a stand-in: only then is a statement on a table it lacks a conflict
   * @throws MigrationSafetyException when the policy names a rule that does not exist
   */
  public ReviewEngine(RuleRegistry rules, Policy policy, Schema initialSchema, boolean schemaKnown) {
    this(rules, policy, initialSchema, schemaKnown, Rates.of(policy.estimates()));
  }

  /**
   * An engine that estimates durations and lock holds with these {@link Rates} (measured by
   * {@code migration-safety calibrate} on the target server, or the library's defaults).
   */
  public ReviewEngine(RuleRegistry rules, Policy policy, Schema initialSchema, boolean schemaKnown, Rates rates) {
    this(rules, policy, initialSchema, schemaKnown, rates, DataProber.off());
  }

  /**
   * This engine's rules, policy and rates on another starting schema, probing with {@code prober}:
   * for the review of a database the caller is about to write to (the staging executor's).
   */
  public ReviewEngine startingFrom(Schema schema, boolean known, DataProber prober) {
    return new ReviewEngine(rules, policy, schema, known, costModel.rates(), prober);
  }

  /**
   * An engine with these {@link Rates} whose reviews also probe the live database's data
   * ({@code fails-on-existing-data}).
   *
   * @param prober runs the data probes; each review opens a session of its own and closes it
   * @throws MigrationSafetyException when the policy names a rule that does not exist
   */
  public ReviewEngine(RuleRegistry rules, Policy policy, Schema initialSchema, boolean schemaKnown, Rates rates,
      DataProber prober) {
    this.costModel = new CostModel(Objects.requireNonNull(rates, "rates"));
    this.prober = Objects.requireNonNull(prober, "prober");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.initialSchema = Objects.requireNonNull(initialSchema, "initialSchema");
    this.schemaKnown = schemaKnown;
    for (String id : policy.rules().keySet()) {
      if (rules.find(id).isEmpty()) {
        throw new MigrationSafetyException("the policy names the rule '" + id + "', which does not exist; "
            + "`migration-safety rules` lists them");
      }
    }
    for (Rule rule : rules.all()) {
      if (!enabled(rule)) {
        continue;
      }
      if (rule instanceof StatementRule s) {
        statementRules.add(s);
      }
      if (rule instanceof MigrationSetRule s) {
        setRules.add(s);
      }
    }
  }

  /**
   * Reviews {@code set}: its pending migrations, on top of the starting schema (which, when the set
   * carries a database's history, already holds what the applied ones did).
   */
  public Review review(MigrationSet set) {
    try (DataProber.Session probes = prober.open()) {
      return review(set, probes);
    }
  }

  private Review review(MigrationSet set, DataProber.Session probes) {
    Schema schema = initialSchema;
    Set<QualifiedName> created = new HashSet<>();
    List<MigrationReview> reviews = new ArrayList<>();
    List<ParsedMigration> parsed = new ArrayList<>();
    Verdict overall = Verdict.SAFE;
    for (Migration migration : set.pending()) {
      String file = relative(set.directory(), migration.file());
      ParsedMigration pm = new ParsedMigration(migration, SqlParser.parse(migration.upScript(), file));
      parsed.add(pm);
      TransactionTracker transaction = new TransactionTracker(migration.transactional());
      ScriptSuppressions suppressions = ScriptSuppressions.of(
          pm.script().statements().stream().map(ParsedStatement::statement).toList());
      List<Finding> findings = new ArrayList<>();
      MigrationEstimator estimator = new MigrationEstimator(costModel, policy, created);
      for (ParsedStatement statement : pm.script().statements()) {
        boolean inTransaction = transaction.state().inTransaction();
        for (Operation operation : statement.operations()) {
          String defaultSchema = transaction.defaultSchema();
          ReplayStep step = SchemaReplayer.apply(schema, operation, defaultSchema);
          boolean locksKnown = LockModel.known(operation);
          List<LockEffect> locks = locksKnown
              ? LockModel.effects(operation, schema, defaultSchema, policy.postgresVersion(), schemaKnown) : List.of();
          StatementContext context = new StatementContext(set, pm, statement, operation, schema, step.after(),
              conflicts(step), transaction.state(), created, defaultSchema, policy, locks, locksKnown, probes);
          for (StatementRule rule : statementRules) {
            if (suppressions.find(statement.statement(), rule.metadata()).isEmpty()) {
              findings.addAll(withPolicy(rule, runRule(rule, context)));
            }
          }
          estimator.operation(operation, locks, locksKnown, schema, defaultSchema);
          noteCreatedTables(operation, defaultSchema, created);
          schema = step.after();
          transaction.after(operation, locks);
        }
        transaction.afterStatement();
        estimator.statementDone(statement.statement().line(), statement.statement().column(), inTransaction);
      }
      MigrationReview review = migrationReview(migration, file, pm.script(), findings, estimator.finish());
      overall = overall.worst(review.verdict());
      reviews.add(review);
    }
    List<Finding> setFindings = new ArrayList<>();
    MigrationSetContext setContext = new MigrationSetContext(set, parsed, policy,
        reviews.stream().map(MigrationReview::estimate).toList(), initialSchema, schemaKnown);
    for (MigrationSetRule rule : setRules) {
      for (Finding finding : withPolicy(rule, runRule(rule, setContext))) {
        int index = indexOfFile(reviews, finding.file());
        if (index < 0) {
          setFindings.add(finding);
        } else {
          reviews.set(index, withFinding(reviews.get(index), finding, parsed.get(index).script()));
        }
      }
    }
    for (MigrationReview review : reviews) {
      overall = overall.worst(review.verdict());
    }
    overall = overall.worst(verdictOf(setFindings));
    return new Review(set.format(), set.directory(), policy.postgresVersion(), overall, reviews, setFindings,
        set.applied());
  }

  /**
   * Replay problems that are real conflicts. When the starting schema is a stand-in, an object the
   * migrations never created is missing only from the stand-in, not from the database: those
   * problems are dropped; duplicates stay, as they can only come from objects the migrations made.
   */
  private List<String> conflicts(ReplayStep step) {
    if (schemaKnown || step.problems().isEmpty()) {
      return step.problems();
    }
    List<String> missing = step.missingObjects();
    return step.problems().stream().filter(p -> !missing.contains(p)).toList();
  }

  private static int indexOfFile(List<MigrationReview> reviews, String file) {
    for (int i = 0; i < reviews.size(); i++) {
      if (reviews.get(i).file().equals(file)) {
        return i;
      }
    }
    return -1;
  }

  /** A set rule's finding about one file joins that migration's findings, in line order. */
  private static MigrationReview withFinding(MigrationReview review, Finding finding, ParsedScript script) {
    List<Finding> findings = new ArrayList<>(review.findings());
    findings.add(finding);
    findings.sort(java.util.Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column));
    return migrationReview(review.migration(), review.file(), script, findings, review.estimate());
  }

  private static MigrationReview migrationReview(Migration migration, String file, ParsedScript script,
      List<Finding> findings, MigrationEstimate estimate) {
    return new MigrationReview(migration, file, verdictOf(findings), script.statements().size(),
        (int) script.unrecognizedCount(), findings, estimate);
  }

  private static Verdict verdictOf(List<Finding> findings) {
    Verdict verdict = Verdict.SAFE;
    for (Finding f : findings) {
      verdict = verdict.worst(Verdict.of(f.severity()));
    }
    return verdict;
  }

  /** A failing rule must not end the review or pass silently: its failure becomes a warning. */
  private static List<Finding> runRule(StatementRule rule, StatementContext context) {
    try {
      return rule.check(context);
    } catch (RuntimeException e) {
      return List.of(new Finding(rule.id(), Severity.WARNING, context.migration().script().file(),
          context.statement().statement().line(), context.statement().statement().column(),
          "The rule " + rule.id() + " failed on this statement (" + e + "), so it was not checked",
          "A statement a rule could not check is not known to be safe.", null, List.of()));
    }
  }

  private static List<Finding> runRule(MigrationSetRule rule, MigrationSetContext context) {
    try {
      return rule.check(context);
    } catch (RuntimeException e) {
      return List.of(new Finding(rule.id(), Severity.WARNING, context.set().directory().toString(), 1, 1,
          "The rule " + rule.id() + " failed on this migration set (" + e + "), so it was not checked",
          "A migration set a rule could not check is not known to be safe.", null, List.of()));
    }
  }

  private boolean enabled(Rule rule) {
    RuleSetting setting = setting(rule);
    return setting == null ? rule.metadata().enabledByDefault() : setting.enabled();
  }

  private List<Finding> withPolicy(Rule rule, List<Finding> findings) {
    RuleSetting setting = setting(rule);
    if (setting == null || setting.severity() == null) {
      return findings;
    }
    List<Finding> adjusted = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      adjusted.add(f.withSeverity(setting.severity()));
    }
    return adjusted;
  }

  /** The policy's word on a rule, by its id or any of its aliases. */
  private RuleSetting setting(Rule rule) {
    Map<String, RuleSetting> byId = policy.rules();
    RuleSetting setting = byId.get(rule.id());
    if (setting == null) {
      for (String alias : rule.metadata().aliases()) {
        setting = byId.get(alias);
        if (setting != null) {
          break;
        }
      }
    }
    return setting;
  }

  private static void noteCreatedTables(Operation operation, String defaultSchema, Set<QualifiedName> created) {
    if (operation instanceof CreateTable create) {
      created.add(create.name().withDefaultSchema(defaultSchema));
    } else if (operation instanceof Rename rename && rename.objectType() == ObjectType.TABLE) {
      QualifiedName from = rename.name().withDefaultSchema(defaultSchema);
      if (created.remove(from)) {
        created.add(QualifiedName.of(from.schema(), rename.newName()));
      }
    }
  }

  private static String relative(Path directory, Path file) {
    Path rel = file.startsWith(directory) ? directory.relativize(file) : file;
    return rel.toString().replace('\\', '/');
  }

  /** The rules this engine knows. */
  public RuleRegistry rules() {
    return rules;
  }
}
