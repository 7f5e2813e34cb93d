package io.migrationsafety.policy;

import io.migrationsafety.rule.Severity;
import io.migrationsafety.sql.ScriptReader;
import io.migrationsafety.sql.SqlSyntaxException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a policy file ({@code migration-safety.yml}); {@code docs/policy.md} describes every key.
 *
 * <p>Strict: an unknown key, a value of the wrong type or out of range, an invalid regular
 * expression, a duplicate key, a custom tag, or YAML that does not parse is a
 * {@link PolicyException} whose message starts with {@code file:line:column} of the offending node
 * and says what is allowed there. An empty file is the {@linkplain Policy#defaults() defaults};
 * every key left out keeps its default.
 *
 * <p>Rule ids under {@code rules:} are kept as written: only the engine knows the registered rules,
 * so it checks them with {@link LoadedPolicy#requireKnownRules}, which still names their line.
 *
 * <p>Safe: the YAML is only composed into a node tree, never constructed into Java objects, and
 * tags other than YAML's own data types are refused. Stateless and thread-safe.
 */
public final class PolicyLoader {

  private static final String SEVERITIES = "blocked, warning, info or off";

  private PolicyLoader() {}

  /**
   * Reads and parses the policy file {@code file} (UTF-8, with or without a byte-order mark).
   *
   * @throws PolicyException when it cannot be read or is not a valid policy
   */
  public static LoadedPolicy load(Path file) {
    String source = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new PolicyException(source, "no such policy file; `migration-safety init` writes one", e);
    } catch (IOException e) {
      throw new PolicyException(source, "cannot read the policy file: " + e.getMessage(), e);
    }
    String text;
    try {
      text = ScriptReader.decode(bytes, source);
    } catch (SqlSyntaxException e) {
      throw new PolicyException(new PolicyLocation(source, e.line(), e.column()), e.problem());
    }
    LoadedPolicy parsed = parse(text, source);
    // A relative rates file is next to the policy, wherever the review runs from.
    Policy policy = parsed.policy();
    EstimateSettings resolved = policy.estimates().resolvedAgainst(file.toAbsolutePath().getParent());
    return resolved == policy.estimates() ? parsed
        : new LoadedPolicy(policy.withEstimates(resolved), parsed.ruleLocations());
  }

  /**
   * Parses a policy.
   *
   * @param yaml the text of the policy
   * @param sourceName names it in messages, usually the file name
   * @throws PolicyException when it is not a valid policy
   */
  public static LoadedPolicy parse(String yaml, String sourceName) {
    PolicyNodes nodes = new PolicyNodes(sourceName);
    Node root = compose(yaml, sourceName);
    if (root == null || PolicyNodes.isNull(root)) {
      return new LoadedPolicy(Policy.defaults(), Map.of());
    }
    Map<PolicyKey, PolicyNodes.Entry> top = nodes.section(root, null, "the policy",
        "a mapping of keys to values, such as 'postgres_version: 16'");

    Policy defaults = Policy.defaults();
    int postgresVersion = defaults.postgresVersion();
    PolicyNodes.Entry entry = top.get(PolicyKey.POSTGRES_VERSION);
    if (entry != null) {
      postgresVersion = (int) nodes.wholeNumber(entry.value(), entry.key(), Policy.MIN_POSTGRES_VERSION,
          Policy.MAX_POSTGRES_VERSION,
          "a PostgreSQL major version from " + Policy.MIN_POSTGRES_VERSION + " to " + Policy.MAX_POSTGRES_VERSION);
    }
    long largeTableRows = defaults.largeTableRows();
    entry = top.get(PolicyKey.LARGE_TABLE_ROWS);
    if (entry != null) {
      largeTableRows = nodes.wholeNumber(entry.value(), entry.key(), 0, Long.MAX_VALUE, "a whole number, 0 or more");
    }
    Map<String, RuleSetting> rules = new LinkedHashMap<>();
    Map<String, PolicyLocation> ruleLocations = new LinkedHashMap<>();
    entry = top.get(PolicyKey.RULES);
    if (entry != null) {
      readRules(nodes, entry.value(), rules, ruleLocations);
    }
    Conventions conventions = defaults.conventions();
    entry = top.get(PolicyKey.CONVENTIONS);
    if (entry != null) {
      conventions = readConventions(nodes, entry.value());
    }
    entry = top.get(PolicyKey.TABLES);
    Map<io.migrationsafety.operation.QualifiedName, TableSize> tableSizes =
        entry == null ? defaults.tableSizes() : new TableSizes(nodes).read(entry.value());
    entry = top.get(PolicyKey.ESTIMATES);
    EstimateSettings estimates = entry == null ? defaults.estimates() : readEstimates(nodes, entry.value());
    entry = top.get(PolicyKey.EXECUTION);
    ExecutionSettings execution = entry == null ? defaults.execution() : readExecution(nodes, entry.value());
    entry = top.get(PolicyKey.DATA_PROBES);
    DataProbeSettings probes = entry == null ? defaults.dataProbes() : readDataProbes(nodes, entry.value());
    Policy policy = new Policy(postgresVersion, rules, largeTableRows, conventions, tableSizes, estimates, execution,
        probes);
    return new LoadedPolicy(policy, ruleLocations);
  }

  private static Node compose(String yaml, String sourceName) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setAllowRecursiveKeys(false);
    // A policy is a few dozen lines: anything near these limits is not one.
    options.setMaxAliasesForCollections(10);
    options.setNestingDepthLimit(20);
    // Nothing is ever constructed from the tree, so letting the composer accept every tag is safe;
    // PolicyNodes.checkTag then refuses any that is not plain data, with a message at its position.
    options.setTagInspector(tag -> true);
    try {
      return new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = "invalid YAML: " + (e.getContext() == null ? e.getProblem()
          : e.getProblem() == null ? e.getContext() : e.getContext() + ", " + e.getProblem());
      if (mark == null) {
        throw new PolicyException(sourceName, problem, e);
      }
      throw new PolicyException(new PolicyLocation(sourceName, mark.getLine() + 1, mark.getColumn() + 1), problem);
    } catch (YAMLException e) {
      throw new PolicyException(sourceName, "invalid YAML: " + e.getMessage(), e);
    }
  }

  private static void readRules(PolicyNodes nodes, Node section, Map<String, RuleSetting> rules,
      Map<String, PolicyLocation> locations) {
    for (PolicyNodes.Entry rule : nodes.entries(section, "rules", "a mapping of rule ids to severities")) {
      String id = rule.key();
      if (id.isBlank() || !id.equals(id.strip())) {
        throw nodes.error(rule.keyNode(), "'" + id + "' is not a rule id; rule ids look like require-concurrent-index");
      }
      rules.put(id, severity(nodes, id, rule.value()));
      locations.put(id, nodes.at(rule.keyNode()));
    }
  }

  /** {@code blocked}, {@code warning}, {@code info} or {@code off}, in any case. */
  private static RuleSetting severity(PolicyNodes nodes, String id, Node value) {
    // YAML 1.1 reads a plain `off` as the boolean false: take the text as written, whatever it resolved to.
    if (value instanceof ScalarNode) {
      String text = ((ScalarNode) value).getValue().toLowerCase(Locale.ROOT);
      switch (text) {
        case "blocked" -> {
          return RuleSetting.at(Severity.BLOCKED);
        }
        case "warning" -> {
          return RuleSetting.at(Severity.WARNING);
        }
        case "info" -> {
          return RuleSetting.at(Severity.INFO);
        }
        case "off" -> {
          return RuleSetting.off();
        }
        default -> { }
      }
    }
    throw nodes.error(value, "rule " + id + " must be " + SEVERITIES + ", found " + PolicyNodes.describe(value));
  }

  private static EstimateSettings readEstimates(PolicyNodes nodes, Node section) {
    EstimateSettings defaults = EstimateSettings.DEFAULTS;
    Map<PolicyKey, PolicyNodes.Entry> keys = nodes.section(section, PolicyKey.ESTIMATES, "estimates",
        "a mapping such as 'block_lock_above: 2s'");
    Path rates = defaults.rates();
    PolicyNodes.Entry entry = keys.get(PolicyKey.RATES);
    if (entry != null && !PolicyNodes.isNull(entry.value())) {
      rates = Path.of(nodes.string(entry.value(), entry.key(), "the path of a file `migration-safety calibrate -o` wrote"));
    }
    long block = defaults.blockLockAboveMs();
    entry = keys.get(PolicyKey.BLOCK_LOCK_ABOVE);
    if (entry != null) {
      block = nodes.duration(entry.value(), entry.key(), 0).toMillis();
    }
    long warn = defaults.warnLockAboveMs();
    entry = keys.get(PolicyKey.WARN_LOCK_ABOVE);
    if (entry != null) {
      warn = nodes.duration(entry.value(), entry.key(), 0).toMillis();
    }
    if (warn > block) {
      throw nodes.error(section, "estimates.warn_lock_above (" + warn + " ms) must not be above "
          + "estimates.block_lock_above (" + block + " ms)");
    }
    return new EstimateSettings(rates, block, warn);
  }

  private static ExecutionSettings readExecution(PolicyNodes nodes, Node section) {
    ExecutionSettings defaults = Policy.defaults().execution();
    Map<PolicyKey, PolicyNodes.Entry> keys = nodes.section(section, PolicyKey.EXECUTION, "execution",
        "a mapping of execution settings to values");
    PolicyNodes.Entry entry = keys.get(PolicyKey.LOCK_TIMEOUT);
    java.time.Duration lockTimeout = entry == null ? defaults.lockTimeout() : nodes.duration(entry.value(), entry.key(), 1);
    entry = keys.get(PolicyKey.STATEMENT_TIMEOUT);
    java.time.Duration statementTimeout =
        entry == null ? defaults.statementTimeout() : nodes.duration(entry.value(), entry.key(), 0);
    entry = keys.get(PolicyKey.RETRIES);
    int retries = entry == null ? defaults.retries()
        : (int) nodes.wholeNumber(entry.value(), entry.key(), 0, 100, "a whole number from 0 to 100");
    entry = keys.get(PolicyKey.BACKOFF);
    java.time.Duration backoff = entry == null ? defaults.backoff() : nodes.duration(entry.value(), entry.key(), 0);
    return new ExecutionSettings(lockTimeout, statementTimeout, retries, backoff);
  }

  private static DataProbeSettings readDataProbes(PolicyNodes nodes, Node section) {
    DataProbeSettings defaults = DataProbeSettings.defaults();
    Map<PolicyKey, PolicyNodes.Entry> keys = nodes.section(section, PolicyKey.DATA_PROBES, "data_probes",
        "a mapping with enabled, timeout and budget");
    PolicyNodes.Entry entry = keys.get(PolicyKey.PROBES_ENABLED);
    boolean enabled = entry == null ? defaults.enabled() : nodes.bool(entry.value(), entry.key());
    entry = keys.get(PolicyKey.PROBE_TIMEOUT);
    long timeout = entry == null ? defaults.timeoutMillis() : nodes.duration(entry.value(), entry.key(), 1).toMillis();
    entry = keys.get(PolicyKey.PROBE_BUDGET);
    long budget = entry == null ? defaults.budgetMillis() : nodes.duration(entry.value(), entry.key(), 1).toMillis();
    return new DataProbeSettings(enabled, timeout, budget);
  }

  private static Conventions readConventions(PolicyNodes nodes, Node section) {
    Conventions defaults = Policy.defaults().conventions();
    Map<PolicyKey, PolicyNodes.Entry> keys = nodes.section(section, PolicyKey.CONVENTIONS, "conventions",
        "a mapping of convention names to values");
    Pattern fileNamePattern = defaults.fileNamePattern();
    PolicyNodes.Entry entry = keys.get(PolicyKey.FILE_NAME_PATTERN);
    if (entry != null && !PolicyNodes.isNull(entry.value())) {
      String regex = nodes.string(entry.value(), entry.key(), "a regular expression in quotes");
      try {
        fileNamePattern = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw nodes.error(entry.value(), entry.key() + " is not a valid regular expression: " + e.getDescription()
            + " near index " + e.getIndex() + " of '" + regex + "'");
      }
    } else if (entry != null) {
      fileNamePattern = null;
    }
    entry = keys.get(PolicyKey.REQUIRE_VERSION_PREFIX);
    boolean requireVersionPrefix = entry == null ? defaults.requireVersionPrefix() : nodes.bool(entry.value(), entry.key());
    entry = keys.get(PolicyKey.REQUIRE_ROLLBACK);
    boolean requireRollback = entry == null ? defaults.requireRollback() : nodes.bool(entry.value(), entry.key());
    return new Conventions(fileNamePattern, requireVersionPrefix, requireRollback);
  }
}
