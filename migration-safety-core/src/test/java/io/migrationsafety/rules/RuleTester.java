package io.migrationsafety.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.Review;
import io.migrationsafety.format.AppliedState;
import io.migrationsafety.format.HistoryProblem;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.format.MigrationVersion;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.policy.Policy;
import io.migrationsafety.policy.PolicyLoader;
import io.migrationsafety.policy.TableSize;
import io.migrationsafety.review.ReviewEngine;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.Rule;
import io.migrationsafety.rule.RuleRegistry;
import io.migrationsafety.schema.Index;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Table;
import io.migrationsafety.schema.replay.SchemaReplayer;
import io.migrationsafety.sql.Token;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rule tests that read like the SQL they check: every statement marked with a comment
 * {@code -- expect: <part of the message>} must get a finding of the rule whose message contains
 * that text; every other statement must get none.
 *
 * <pre>{@code
 * RuleTester.of(new RequireConcurrentIndex())
 *     .schema("CREATE TABLE orders (id bigint);")     // the database before; its tables are large
 *     .check("""
 *         -- expect: blocks every INSERT
 *         CREATE INDEX i ON orders (id);
 *         """);
 * }</pre>
 */
public final class RuleTester {

  private static final String EXPECT = "-- expect:";
  private static final String INVALID_INDEX = "-- invalid index:";

  private final Rule rule;
  private Schema schema = Schema.empty();
  private int postgresVersion = Policy.DEFAULT_POSTGRES_VERSION;
  private final Map<QualifiedName, TableSize> sizes = new HashMap<>();
  private boolean transactional = true;
  private Policy basePolicy = Policy.defaults();

  private RuleTester(Rule rule) {
    this.rule = rule;
  }

  /** A tester of {@code rule} alone. */
  public static RuleTester of(Rule rule) {
    return new RuleTester(rule);
  }

  /**
   * The database the migration runs on, as DDL; its tables' sizes are unknown, so large. A comment
   * line {@code -- invalid index: NAME} marks that index INVALID, as a failed {@code CREATE INDEX
   * CONCURRENTLY} leaves it.
   */
  public RuleTester schema(String ddl) {
    Schema s = Schema.empty();
    for (ParsedStatement statement : SqlParser.parse(ddl, "schema.sql").statements()) {
      for (Operation op : statement.operations()) {
        s = SchemaReplayer.apply(s, op, "public").after();
      }
    }
    for (String line : ddl.lines().filter(l -> l.startsWith(INVALID_INDEX)).toList()) {
      QualifiedName name = QualifiedName.of("public", line.substring(INVALID_INDEX.length()).strip());
      Index index = s.index(name).orElseThrow(() -> new IllegalArgumentException("no index " + name));
      s = s.withIndex(new Index(index.name(), index.table(), index.unique(), index.method(), index.elements(),
          index.include(), index.predicate(), false));
    }
    for (Table table : s.tables().values()) {
      s = s.withTable(table.withSize(null, null));
    }
    this.schema = s;
    return this;
  }

  /** The policy, as the YAML of a {@code migration-safety.yml}. */
  public RuleTester policy(String yaml) {
    this.basePolicy = PolicyLoader.parse(yaml, "migration-safety.yml").policy();
    this.postgresVersion = basePolicy.postgresVersion();
    return this;
  }

  /** Declares the size of a table in the policy ({@code public.orders}). */
  public RuleTester tableRows(String table, long rows) {
    String[] parts = table.split("\\.");
    sizes.put(QualifiedName.of(parts[0], parts[1]), new TableSize(rows, null));
    return this;
  }

  /** The target PostgreSQL version. */
  public RuleTester postgresVersion(int version) {
    this.postgresVersion = version;
    return this;
  }

  /** Whether the migration runs in a transaction (default: yes). */
  public RuleTester transactional(boolean value) {
    this.transactional = value;
    return this;
  }

  /**
   * The findings of the rule on {@code sql}, as one migration. A first line {@code -- file: NAME}
   * names its file (default {@code V1__test.sql}); a line {@code -- down: SQL} gives it a rollback;
   * a line {@code -- history: KIND} says the database's history records a problem of that
   * {@link HistoryProblem.Kind} with it (lower case; {@code checksum_mismatch} marks it applied), and
   * {@code -- history: applied} that it ran without a problem; a line {@code -- unreviewable: REASON}
   * says its format could not read it; a line {@code -- probe: OUTCOME} says what the data probes
   * find (see {@link #prober}).
   */
  public List<Finding> findings(String sql) {
    Map<QualifiedName, TableSize> allSizes = new HashMap<>(basePolicy.tableSizes());
    allSizes.putAll(sizes);
    Policy policy = new Policy(postgresVersion, basePolicy.rules(), basePolicy.largeTableRows(),
        basePolicy.conventions(), allSizes, basePolicy.estimates(),
        basePolicy.execution());
    Path dir = Path.of("/migrations");
    String name = header(sql, "-- file:", "V1__test.sql");
    String down = header(sql, "-- down:", null);
    MigrationVersion version = MigrationVersion.leading(name);
    Migration migration = new Migration(version == null ? name : version.text(), version, "test", dir.resolve(name),
        sql, down == null ? null : dir.resolve(name + ".down"), down,
        transactional && !io.migrationsafety.format.sql.PlainSqlFormat.declaresNoTransaction(sql));
    ReviewEngine engine = new ReviewEngine(RuleRegistry.empty().plus(rule), policy, schema, true,
        io.migrationsafety.estimate.Rates.defaults(), prober(header(sql, "-- probe:", null)));
    String unreviewable = header(sql, "-- unreviewable:", null);
    MigrationSet set = new MigrationSet("plain-sql", dir, List.of(migration), AppliedState.none(),
        unreviewable == null ? Map.of() : Map.of(migration.id(), unreviewable));
    String history = header(sql, "-- history:", null);
    if ("applied".equals(history)) {
      set = set.withApplied(new AppliedState("test_history", java.util.Set.of(migration.id()), List.of()));
    } else if (history != null) {
      HistoryProblem.Kind kind = HistoryProblem.Kind.valueOf(history.toUpperCase(java.util.Locale.ROOT));
      set = set.withApplied(new AppliedState("test_history",
          kind == HistoryProblem.Kind.CHECKSUM_MISMATCH ? java.util.Set.of(migration.id()) : java.util.Set.of(),
          List.of(new HistoryProblem(kind, migration.id(), name,
              "test_history records " + kind.name().toLowerCase(java.util.Locale.ROOT) + " for " + migration.id()))));
    }
    Review review = engine.review(set);
    return review.findings();
  }

  /** Checks {@code sql} against its {@code -- expect:} comments. */
  public void check(String sql) {
    List<Finding> findings = findings(sql);
    Map<Integer, String> expected = new HashMap<>();
    for (ParsedStatement s : SqlParser.parse(sql, "V1__test.sql").statements()) {
      for (Token comment : s.statement().comments()) {
        String text = comment.text();
        if (text.startsWith(EXPECT)) {
          expected.put(s.statement().line(), text.substring(EXPECT.length()).strip());
        }
      }
    }
    Map<Integer, List<Finding>> byLine = findings.stream().collect(Collectors.groupingBy(Finding::line));
    List<String> problems = new ArrayList<>();
    expected.forEach((line, part) -> {
      List<Finding> at = byLine.getOrDefault(line, List.of());
      if (at.stream().noneMatch(f -> f.message().contains(part))) {
        problems.add("line " + line + ": expected a finding containing '" + part + "', got " + messages(at));
      }
    });
    byLine.forEach((line, at) -> {
      if (!expected.containsKey(line)) {
        problems.add("line " + line + ": unexpected " + messages(at));
      }
    });
    for (Finding f : findings) {
      assertThat(f.rule()).isEqualTo(rule.id());
    }
    assertThat(problems).as("findings of %s", rule.id()).isEmpty();
  }

  /**
   * Stands in for the live database's data in documentation examples: {@code -- probe: violations}
   * makes every data probe find 3 offending rows (example key {@code 42}), {@code -- probe: unknown}
   * time out, {@code -- probe: clean} find none. Real probes are tested on PostgreSQL.
   */
  private static io.migrationsafety.probe.DataProber prober(String outcome) {
    if (outcome == null) {
      return io.migrationsafety.probe.DataProber.off();
    }
    io.migrationsafety.probe.ProbeResult result = switch (outcome) {
      case "violations" -> new io.migrationsafety.probe.ProbeResult.Violations(3, false, "42");
      case "unknown" -> new io.migrationsafety.probe.ProbeResult.Unknown("the probe took longer than its 5000 ms timeout");
      default -> new io.migrationsafety.probe.ProbeResult.Clean();
    };
    return () -> probe -> java.util.Optional.of(result);
  }

  private static String header(String sql, String prefix, String otherwise) {
    return sql.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip())
        .findFirst().orElse(otherwise);
  }

  private static String messages(List<Finding> findings) {
    return findings.stream().map(Finding::message).collect(Collectors.toList()).toString();
  }
}
